using BenchmarkDotNet.Attributes;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Grains.Forecasting;

namespace StreamingMarketing.Benchmarks.Micro;

/// <summary>What one forecast read costs: the fit to a full 30-day hourly history and its points, as ForecastGrain does it.</summary>
[MemoryDiagnoser]
public class ForecastBenchmarks
{
    private MetricHistory history = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(29);
        var now = new DateTime(2026, 12, 7, 14, 20, 0, DateTimeKind.Utc);
        history = new MetricHistory
        {
            Start = new DateTime(2026, 11, 7, 15, 0, 0, DateTimeKind.Utc),
            Hourly = [.. Enumerable.Range(0, 720).Select(t => (long)(100 * (1.5 + Math.Sin(t * Math.PI / 12)) * (0.8 + (0.4 * random.NextDouble()))))],
            Now = now,
        };
    }

    [Benchmark]
    public int HourlyDayAhead() => ForecastBuilder.Build(history, ForecastMetric.Events, ForecastStep.Hour, 24).Points.Count;

    [Benchmark]
    public int HourlyWeekAhead() => ForecastBuilder.Build(history, ForecastMetric.Events, ForecastStep.Hour, 168).Points.Count;

    [Benchmark]
    public int DailyMonthAhead() => ForecastBuilder.Build(history, ForecastMetric.Events, ForecastStep.Day, 30).Points.Count;
}
