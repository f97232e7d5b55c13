using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Insights.Alerts;

namespace StreamingMarketing.Tests.Insights;

public sealed class ForecastAnomalyTests
{
    /// <summary>Just after an hour ends, so the last complete hour is the one each test shapes.</summary>
    private static readonly DateTime Now = new(2025, 5, 20, 14, 0, 30, DateTimeKind.Utc);
    private static readonly AnomalySettings Defaults = EffectiveRules.Resolve(null, null).Anomaly;

    /// <summary>
    /// A campaign's events per hour over <paramref name="days"/> days before <see cref="Now"/>: a strong daily cycle
    /// (quiet nights, busy afternoons) with Poisson-sized noise, the last element the current hour's first seconds.
    /// </summary>
    private static long[] DailyCycle(int days, int seed = 7)
    {
        var random = new Random(seed);
        var hours = days * 24;
        var values = new long[hours + 1];
        var firstHour = (Now.Ticks / TimeSpan.TicksPerHour) - hours;
        for (var i = 0; i < hours; i++)
        {
            var hourOfDay = (firstHour + i) % 24;
            var mean = 200 + (180 * Math.Sin(2 * Math.PI * (hourOfDay - 8) / 24));
            values[i] = Math.Max(0, (long)Math.Round(mean + (Math.Sqrt(mean) * Normal(random))));
        }

        return values;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static MetricHistory History(long[] hourly, DateTime? now = null)
    {
        var at = now ?? Now;
        var start = new DateTime(((at.Ticks / TimeSpan.TicksPerHour) - hourly.Length + 1) * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        return new MetricHistory { Start = start, Hourly = hourly, Now = at };
    }

    private static RuleReading? Volume(long[] hourly, AnomalySettings? settings = null) =>
        ForecastAnomaly.Measure(History(hourly), AlertRuleNames.VolumeAnomaly, "events", settings ?? Defaults, bothSides: true);

    [Fact]
    public void A_burst_in_the_last_hour_opens_with_what_was_expected_and_what_came()
    {
        var hourly = DailyCycle(days: 14);
        hourly[^2] = 2_000;

        var reading = Volume(hourly)!;

        Assert.True(reading.Opens);
        Assert.False(reading.Resolves);
        Assert.Equal(2_000, reading.Value);
        Assert.Equal(new DateTime(2025, 5, 20, 13, 0, 0, DateTimeKind.Utc), reading.Hour);
        Assert.Matches(@"^expected [\d,]+–[\d,]+ events 13:00–14:00 UTC 2025-05-20 \(median [\d,]+\), saw 2,000 ", reading.Message);
    }

    [Theory]
    [InlineData(21, 11)]
    [InlineData(10, 13)] // a young campaign: every hour from the first the rule speaks in
    public void A_pure_daily_cycle_never_opens_in_any_hour_of_a_week(int days, int seed)
    {
        var hourly = DailyCycle(days, seed);

        var opened = new List<int>();
        for (var end = hourly.Length - (7 * 24); end <= hourly.Length; end++)
        {
            // Each prefix is the history as it stood one hour earlier: its last element is then "the current hour".
            var prefix = hourly[..end];
            var now = Now.AddHours(end - hourly.Length);
            var reading = ForecastAnomaly.Measure(History(prefix, now), AlertRuleNames.VolumeAnomaly, "events", Defaults, bothSides: true);
            if (reading is { Opens: true })
            {
                opened.Add(end);
            }
        }

        Assert.Empty(opened);
    }

    [Fact]
    public void Stays_silent_until_the_history_holds_the_hours_it_needs()
    {
        var hourly = DailyCycle(days: 3);
        hourly[^2] = 5_000;

        Assert.Null(Volume(hourly));
        Assert.Null(Volume([0]));
        Assert.True(Volume(hourly, Defaults with { MinHistoryHours = 48 })!.Opens);
    }

    [Fact]
    public void A_gap_in_the_history_does_not_alert_on_the_normal_hour_after_it()
    {
        var hourly = DailyCycle(days: 14);
        for (var i = hourly.Length - 60; i < hourly.Length - 54; i++)
        {
            hourly[i] = 0;
        }

        var reading = Volume(hourly)!;

        Assert.False(reading.Opens);
        Assert.True(reading.Resolves);
    }

    [Fact]
    public void A_busy_hour_that_falls_silent_opens_on_the_low_side_and_negative_texts_only_on_the_high_side()
    {
        var hourly = DailyCycle(days: 14);
        hourly[^2] = 0;

        var volume = Volume(hourly)!;
        var negative = ForecastAnomaly.Measure(History(hourly), AlertRuleNames.NegativeAnomaly, "negative texts", Defaults, bothSides: false)!;

        Assert.True(volume.Opens);
        Assert.False(negative.Opens);
    }

    [Fact]
    public void A_series_of_zeros_or_a_handful_of_events_never_opens()
    {
        var zeros = new long[(14 * 24) + 1];
        var handful = (long[])zeros.Clone();
        handful[^2] = Defaults.MinExcess - 1;

        Assert.False(Volume(zeros)!.Opens);
        Assert.False(Volume(handful)!.Opens);
        Assert.True(Volume(zeros)!.Resolves);
    }

    [Fact]
    public void An_open_anomaly_stays_open_between_the_bands_and_resolves_once_an_hour_is_back_inside()
    {
        var book = new AlertBook();
        var hourly = DailyCycle(days: 14);
        var normal = hourly[^2];
        hourly[^2] = 3_000;
        var opened = book.Apply("c", Volume(hourly)!, Now);
        hourly[^2] = normal;

        var resolved = book.Apply("c", Volume(hourly)!, Now.AddHours(1));

        Assert.Equal((AlertRuleNames.VolumeAnomaly, AlertStates.Open), (opened!.Rule, opened.State));
        Assert.Equal(opened.Hour, new DateTime(2025, 5, 20, 13, 0, 0, DateTimeKind.Utc));
        Assert.Equal((opened.AlertId, AlertStates.Resolved), (resolved!.AlertId, resolved.State));
    }

    [Fact]
    public void The_watch_reads_volume_and_negative_texts_off_the_campaign_history_and_measures_an_hour_once()
    {
        var series = new HourlySeries();
        var hourly = DailyCycle(days: 10);
        var firstHour = (Now.Ticks / TimeSpan.TicksPerHour) - hourly.Length + 1;
        for (var i = 0; i < hourly.Length - 1; i++)
        {
            var at = new DateTime((firstHour + i) * TimeSpan.TicksPerHour, DateTimeKind.Utc);
            var count = i == hourly.Length - 2 ? 2_500 : hourly[i];
            for (var k = 0; k < count; k++)
            {
                series.AddEvent(at.AddSeconds(k % 3600), Now, EventType.Comment);
            }

            for (var k = 0; k < count / 10; k++)
            {
                series.AddSentiment(at.AddSeconds(k % 3600), Now, SentimentLabel.Negative);
            }
        }

        var watch = new AnomalyWatch();
        var first = watch.Measure(series, Defaults, Now).ToList();
        var second = watch.Measure(series, Defaults, Now.AddSeconds(1)).ToList();

        Assert.Equal([AlertRuleNames.VolumeAnomaly, AlertRuleNames.NegativeAnomaly], first.Select(r => r.Rule));
        Assert.All(first, r => Assert.True(r.Opens));
        Assert.Contains("negative texts", first[1].Message, StringComparison.Ordinal);
        Assert.Same(first[0], second[0]);
        Assert.Empty(watch.Measure(series, Defaults with { Enabled = false }, Now));
    }

    [Fact]
    public void Campaign_overrides_win_and_a_closed_band_keeps_a_gap()
    {
        var rules = EffectiveRules.Resolve(
            new AlertRuleSet { ForecastAnomaly = new ForecastAnomalyRule { Coverage = 0.98, MinExcess = 3 } },
            new AlertRuleSet { ForecastAnomaly = new ForecastAnomalyRule { ResolveCoverage = 0.99, MinHistoryHours = 10 } });

        Assert.Equal(0.98, rules.Anomaly.Coverage);
        Assert.Equal(0.98 * 0.75, rules.Anomaly.ResolveCoverage, 6);
        Assert.Equal(AnomalySettings.MinHistoryFloor, rules.Anomaly.MinHistoryHours);
        Assert.Equal(3, rules.Anomaly.MinExcess);
    }
}
