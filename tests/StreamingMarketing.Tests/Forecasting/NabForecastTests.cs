using StreamingMarketing.Benchmarks.Forecast;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Forecasting;

/// <summary>The bar on real social volume: NAB's five tweet series, each with its last day held out.</summary>
public sealed class NabForecastTests
{
    private static readonly string DataDir = Path.Combine(RepositoryPaths.Root, "data", "nab-tweets");

    private static readonly DateTime Now = new(2026, 12, 7, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_next_day_of_real_tweet_volume_beats_seasonal_naive_with_honest_80_percent_intervals()
    {
        var results = NabSeries.Names.Select(name => HoldoutEvaluation.Run(NabSeries.Load(DataDir, name), Now)).ToList();

        Assert.True(results.Average(r => r.Ratio) <= 0.9, string.Join("; ", results.Select(r => $"{r.Series} {r.Ratio:0.000}")));
        Assert.InRange(results.Average(r => r.Coverage80), 0.65, 0.95);
        Assert.All(results, r => Assert.False(r.InsufficientHistory));
    }
}
