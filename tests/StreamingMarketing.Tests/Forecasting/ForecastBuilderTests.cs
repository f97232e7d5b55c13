using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Grains.Forecasting;

namespace StreamingMarketing.Tests.Forecasting;

public sealed class ForecastBuilderTests
{
    private static readonly DateTime Now = new(2026, 12, 7, 14, 20, 0, DateTimeKind.Utc);

    private static MetricHistory Hours(int count, Func<int, long> value) => new()
    {
        Start = new DateTime(Now.Year, Now.Month, Now.Day, Now.Hour, 0, 0, DateTimeKind.Utc).AddHours(-(count - 1)),
        Hourly = [.. Enumerable.Range(0, count).Select(value)],
        Now = Now,
    };

    [Fact]
    public void The_first_point_is_the_current_hour_and_each_point_starts_its_own_hour()
    {
        var view = ForecastBuilder.Build(Hours(720, _ => 10), ForecastMetric.Events, ForecastStep.Hour, 5);

        Assert.Equal(5, view.Points.Count);
        Assert.Equal(new DateTime(2026, 12, 7, 14, 0, 0, DateTimeKind.Utc), view.Points[0].Time);
        Assert.Equal(new DateTime(2026, 12, 7, 18, 0, 0, DateTimeKind.Utc), view.Points[4].Time);
        Assert.Equal(("events", "1h", 719), (view.Metric, view.Step, view.HistoryBuckets));
        Assert.All(view.Points, p => Assert.True(p.Lower95 <= p.Lower80 && p.Lower80 <= p.Value && p.Value <= p.Upper80 && p.Upper80 <= p.Upper95));
    }

    [Fact]
    public void The_current_bucket_is_never_forecast_below_what_it_already_counted()
    {
        var view = ForecastBuilder.Build(Hours(720, t => t == 719 ? 500 : 10), ForecastMetric.Events, ForecastStep.Hour, 2);

        Assert.Equal(500, view.Points[0].Value);
        Assert.Equal(500, view.Points[0].Lower95);
        Assert.InRange(view.Points[1].Value, 9, 11);
    }

    [Fact]
    public void Days_sum_the_hours_of_whole_days_and_leave_out_the_partial_first_one()
    {
        var history = Hours(14 + (24 * 20), _ => 1);

        var (days, first, today) = ForecastBuilder.Buckets(history, ForecastStep.Day);

        Assert.Equal(19, days.Length);
        Assert.All(days, d => Assert.Equal(24, d));
        Assert.Equal(15, today);
        Assert.Equal(history.Start.AddHours(24 - history.Start.Hour).Ticks / TimeSpan.TicksPerDay, first);
    }

    [Fact]
    public void A_campaign_a_few_minutes_old_gets_a_widened_forecast_that_says_its_history_is_insufficient()
    {
        var view = ForecastBuilder.Build(Hours(1, _ => 30), ForecastMetric.Like, ForecastStep.Hour, 24);

        Assert.True(view.InsufficientHistory);
        Assert.Equal(0, view.HistoryBuckets);
        Assert.Equal(24, view.Points.Count);
        Assert.All(view.Points, p => Assert.True(double.IsFinite(p.Upper95) && p.Upper95 > p.Lower95));
        Assert.Equal(90, view.Points[1].Value, precision: 0);
    }

    [Fact]
    public void The_horizon_is_held_to_the_steps_maximum()
    {
        Assert.Equal(30, ForecastBuilder.Build(Hours(720, _ => 5), ForecastMetric.Events, ForecastStep.Day, 99).Points.Count);
        Assert.Equal(168, ForecastBuilder.Build(Hours(720, _ => 5), ForecastMetric.Events, ForecastStep.Hour, 1_000).Points.Count);
    }
}
