using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Tests.Aggregation;

public sealed class KpiCountersTests
{
    private static KpiCounters Count(params (EventType Type, int Times)[] events)
    {
        var counters = new KpiCounters();
        foreach (var (type, times) in events)
        {
            for (var i = 0; i < times; i++)
            {
                counters.AddEvent(type, type == EventType.Conversion ? 2.5 : 0);
            }
        }

        return counters;
    }

    [Fact]
    public void Engagement_rate_is_likes_comments_shares_and_clicks_over_impressions()
    {
        var counters = Count((EventType.Impression, 200), (EventType.Like, 10), (EventType.Comment, 4), (EventType.Share, 3), (EventType.Click, 3), (EventType.View, 50), (EventType.Follow, 7));

        Assert.Equal(0.1, counters.EngagementRate, 12);
        Assert.Equal(0.015, counters.Ctr, 12);
    }

    [Fact]
    public void Rates_are_zero_without_impressions()
    {
        var counters = Count((EventType.Like, 3), (EventType.Click, 2));

        Assert.Equal(0, counters.EngagementRate);
        Assert.Equal(0, counters.Ctr);
    }

    [Fact]
    public void Conversions_add_their_value_and_every_type_is_listed()
    {
        var counters = Count((EventType.Conversion, 4));

        Assert.Equal(10, counters.ConversionValue);
        Assert.Equal(9, counters.TotalsByName().Count);
        Assert.Equal(0, counters.TotalsByName()["mention"]);
    }

    [Fact]
    public void Sentiment_counts_unscored_texts_apart_and_averages_only_scored_ones()
    {
        var counters = new KpiCounters();
        counters.AddSentiment(new SentimentScore(SentimentLabel.Positive, 0.8f));
        counters.AddSentiment(new SentimentScore(SentimentLabel.Negative, -0.6f));
        counters.AddSentiment(SentimentScore.None);

        var view = counters.ToSentimentView();
        Assert.Equal((1, 0, 1, 1), (view.Positive, view.Neutral, view.Negative, view.Unscored));
        Assert.Equal(0.1, view.MeanScore!.Value, 5);
        Assert.Equal(0, view.NetSentiment);
    }

    [Fact]
    public void Conversion_value_saturates_instead_of_overflowing_to_infinity()
    {
        var counters = new KpiCounters();

        counters.AddEvent(EventType.Conversion, double.MaxValue);
        counters.AddEvent(EventType.Conversion, double.MaxValue);

        Assert.Equal(double.MaxValue, counters.ConversionValue);
    }

    [Fact]
    public void Adding_up_counters_that_already_hold_infinity_or_nan_gives_a_finite_sum()
    {
        var stored = new KpiCounters { ConversionValue = double.PositiveInfinity, ScoreSum = double.NaN };
        var total = new KpiCounters();

        total.AddAll(stored);

        Assert.True(double.IsFinite(total.ConversionValue));
        Assert.True(double.IsFinite(total.ScoreSum));
    }
}
