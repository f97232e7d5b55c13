using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Insights.Alerts;

namespace StreamingMarketing.Tests.Insights;

public sealed class AlertRuleTests
{
    private static readonly DateTime Now = new(2025, 5, 1, 12, 30, 30, DateTimeKind.Utc);
    private static readonly EffectiveRules Defaults = EffectiveRules.Resolve(null, null);

    private static void Texts(EventWindows windows, int count, SentimentLabel label, DateTime at)
    {
        for (var i = 0; i < count; i++)
        {
            windows.AddEvent(at, Now, EventType.Comment, 0);
            windows.AddSentiment(at, Now, new SentimentScore(label, label == SentimentLabel.Negative ? -0.9f : 0.9f));
        }
    }

    [Fact]
    public void Negative_share_opens_once_stays_open_inside_the_band_and_resolves_below_it()
    {
        var windows = new EventWindows();
        var book = new AlertBook();
        var rule = Defaults.Negative;
        Texts(windows, 30, SentimentLabel.Negative, Now);

        var opened = book.Apply("c", AlertEvaluator.NegativeSentiment(windows.LastHour, rule, Now), Now);
        var again = book.Apply("c", AlertEvaluator.NegativeSentiment(windows.LastHour, rule, Now), Now);
        Texts(windows, 60, SentimentLabel.Positive, Now);   // 30 of 90 = 33%: below 40% but above 25%
        var inBand = book.Apply("c", AlertEvaluator.NegativeSentiment(windows.LastHour, rule, Now), Now);
        Texts(windows, 40, SentimentLabel.Positive, Now);   // 30 of 130 = 23%
        var resolved = book.Apply("c", AlertEvaluator.NegativeSentiment(windows.LastHour, rule, Now), Now);

        Assert.Equal(AlertStates.Open, opened!.State);
        Assert.Null(again);
        Assert.Null(inBand);
        Assert.Equal((opened.AlertId, AlertStates.Resolved), (resolved!.AlertId, resolved.State));
        Assert.Empty(book.Open);
        Assert.Equal(2, book.Unpublished.Count);
    }

    [Fact]
    public void Too_few_scored_texts_never_open_a_negative_alert()
    {
        var windows = new EventWindows();
        Texts(windows, 19, SentimentLabel.Negative, Now);

        Assert.False(AlertEvaluator.NegativeSentiment(windows.LastHour, Defaults.Negative, Now).Opens);
    }

    [Fact]
    public void A_volume_spike_against_a_calm_hour_opens_and_calm_traffic_does_not()
    {
        var windows = new EventWindows();
        var first = Now.AddMinutes(-60);
        for (var minute = 60; minute >= 1; minute--)
        {
            windows.AddEvent(Now.AddMinutes(-minute), Now, EventType.Like, 0);
            windows.AddEvent(Now.AddMinutes(-minute), Now, EventType.Impression, 0);
        }

        var calm = AlertEvaluator.VolumeSpike(windows.LastHour, new HourOfDayBaseline(), first, Defaults.Spike, Now);
        for (var i = 0; i < 200; i++)
        {
            windows.AddEvent(Now, Now, EventType.Comment, 0);
        }

        var spike = AlertEvaluator.VolumeSpike(windows.LastHour, new HourOfDayBaseline(), first, Defaults.Spike, Now);

        Assert.False(calm!.Opens);
        Assert.True(calm.Resolves);
        Assert.True(spike!.Opens, spike.Message);
    }

    [Fact]
    public void Conversions_halving_against_the_hours_before_open_a_drop_alert()
    {
        var windows = new EventWindows();
        var first = Now.AddHours(-6);
        for (var hour = 5; hour >= 2; hour--)
        {
            for (var i = 0; i < 10; i++)
            {
                windows.AddEvent(Now.AddHours(-hour), Now, EventType.Conversion, 1);
            }
        }

        windows.AddEvent(Now.AddMinutes(-10), Now, EventType.Conversion, 1);

        var reading = AlertEvaluator.ConversionDrop(windows, first, Defaults.Drop, Now);

        Assert.True(reading!.Opens, reading.Message);
    }

    [Fact]
    public void A_campaign_override_replaces_only_the_fields_it_sets()
    {
        var rules = EffectiveRules.Resolve(
            new AlertRuleSet { NegativeSentiment = new NegativeSentimentRule { MinScored = 50 } },
            new AlertRuleSet { NegativeSentiment = new NegativeSentimentRule { Threshold = 0.2 } });

        Assert.Equal(0.2, rules.Negative.Threshold);
        Assert.Equal(50, rules.Negative.MinScored);
        Assert.True(rules.Negative.ResolveBelow < rules.Negative.Threshold);
    }
}
