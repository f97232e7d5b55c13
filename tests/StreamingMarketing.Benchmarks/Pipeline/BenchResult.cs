namespace StreamingMarketing.Benchmarks.Pipeline;

public sealed record BenchResult(string Name, int Events, TimeSpan Elapsed, double LagP50Ms, double LagP99Ms)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
}
