using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Grains.Aggregation;

/// <summary>Counts per event type, conversion value and sentiment mix: the unit both totals and time buckets add up.</summary>
[GenerateSerializer]
public sealed class KpiCounters
{
    [Id(0)] public long[] ByType { get; set; } = new long[EventTypes.Count];
    [Id(1)] public double ConversionValue { get; set; }
    [Id(2)] public long Positive { get; set; }
    [Id(3)] public long Neutral { get; set; }
    [Id(4)] public long Negative { get; set; }
    [Id(5)] public long Unscored { get; set; }
    [Id(6)] public double ScoreSum { get; set; }

    /// <summary>
    /// Scored texts by emotion (anger, joy, optimism, sadness). Null until the first one: most buckets (and most user
    /// profiles) never see a text, and their state stays as small as before.
    /// </summary>
    [Id(7)] public long[]? Emotions { get; set; }
    [Id(8)] public long Offensive { get; set; }
    [Id(9)] public long Hate { get; set; }

    public long Events => ByType.Sum();

    public long Scored => Positive + Neutral + Negative;

    public void AddEvent(EventType type, double value)
    {
        ByType[(int)type]++;
        if (type == EventType.Conversion)
        {
            ConversionValue = SaturatingAdd(ConversionValue, value);
        }
    }

    /// <summary>
    /// a + b, held at ±double.MaxValue instead of overflowing to infinity (and NaN read as 0), so that no sum, not even one
    /// over state written before values were bounded, can become a number JSON cannot carry.
    /// </summary>
    public static double SaturatingAdd(double a, double b)
    {
        var sum = (double.IsNaN(a) ? 0 : a) + (double.IsNaN(b) ? 0 : b);
        return double.IsNaN(sum) ? 0 : Math.Clamp(sum, double.MinValue, double.MaxValue);
    }

    /// <summary>Counts a text's sentiment, once it is known (or known to be unscorable).</summary>
    public void AddSentiment(SentimentScore sentiment)
    {
        switch (sentiment.Label)
        {
            case SentimentLabel.Positive: Positive++; break;
            case SentimentLabel.Neutral: Neutral++; break;
            case SentimentLabel.Negative: Negative++; break;
            default: Unscored++; return;
        }

        ScoreSum += sentiment.Score;
        if (sentiment.Emotion != EmotionLabel.None)
        {
            (Emotions ??= new long[4])[(int)sentiment.Emotion - 1]++;
        }

        if (sentiment.BrandSafety.HasFlag(BrandSafetyFlags.Offensive))
        {
            Offensive++;
        }

        if (sentiment.BrandSafety.HasFlag(BrandSafetyFlags.Hate))
        {
            Hate++;
        }
    }

    public void AddAll(KpiCounters other)
    {
        for (var i = 0; i < ByType.Length; i++)
        {
            ByType[i] += other.ByType[i];
        }

        ConversionValue = SaturatingAdd(ConversionValue, other.ConversionValue);
        Positive += other.Positive;
        Neutral += other.Neutral;
        Negative += other.Negative;
        Unscored += other.Unscored;
        ScoreSum = SaturatingAdd(ScoreSum, other.ScoreSum);
        if (other.Emotions is not null)
        {
            Emotions ??= new long[4];
            for (var i = 0; i < Emotions.Length; i++)
            {
                Emotions[i] += other.Emotions[i];
            }
        }

        Offensive += other.Offensive;
        Hate += other.Hate;
    }

    public long this[EventType type] => ByType[(int)type];

    /// <summary>(likes + comments + shares + clicks) / impressions; 0 without impressions.</summary>
    public double EngagementRate
    {
        get
        {
            var impressions = this[EventType.Impression];
            if (impressions == 0)
            {
                return 0;
            }

            var engagements = this[EventType.Like] + this[EventType.Comment] + this[EventType.Share] + this[EventType.Click];
            return (double)engagements / impressions;
        }
    }

    /// <summary>clicks / impressions; 0 without impressions.</summary>
    public double Ctr
    {
        get
        {
            var impressions = this[EventType.Impression];
            return impressions == 0 ? 0 : (double)this[EventType.Click] / impressions;
        }
    }

    /// <summary>conversions / impressions; 0 without impressions. Per impression, like CTR, so an A/B test compares like with like.</summary>
    public double ConversionRate
    {
        get
        {
            var impressions = this[EventType.Impression];
            return impressions == 0 ? 0 : (double)this[EventType.Conversion] / impressions;
        }
    }

    /// <summary>Every event type by its lower-case wire name, absent types as 0.</summary>
    public Dictionary<string, long> TotalsByName()
    {
        var totals = new Dictionary<string, long>(EventTypes.Count);
        for (var i = 0; i < ByType.Length; i++)
        {
            totals[EventTypes.WireNames[i]] = ByType[i];
        }

        return totals;
    }

    public SentimentView ToSentimentView()
    {
        var scored = Scored;
        return new SentimentView
        {
            Positive = Positive,
            Neutral = Neutral,
            Negative = Negative,
            Unscored = Unscored,
            MeanScore = scored == 0 ? null : ScoreSum / scored,
            NetSentiment = scored == 0 ? null : (double)(Positive - Negative) / scored,
            Emotion = Emotions is null ? null : new EmotionCounts { Anger = Emotions[0], Joy = Emotions[1], Optimism = Emotions[2], Sadness = Emotions[3] },
            BrandSafety = Emotions is null && Offensive == 0 && Hate == 0 ? null : new BrandSafetyCounts { Offensive = Offensive, Hate = Hate },
        };
    }
}
