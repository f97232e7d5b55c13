namespace StreamingMarketing.Benchmarks.Pipeline;

public sealed record BenchResult(string Name, int Events, TimeSpan Elapsed, double LagP50Ms, double LagP99Ms, PhaseCosts.Snapshot Costs)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double AllocatedBytesPerEvent => Costs.AllocatedBytes / (double)Events;

    public double CourierCallsPerEvent => Costs.CourierCalls / (double)Events;

    public double GcPauseShare => Costs.GcPause / Elapsed;
}
