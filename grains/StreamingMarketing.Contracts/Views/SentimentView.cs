using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Contracts.Views;

[GenerateSerializer, Immutable]
public sealed record SentimentView
{
    [Id(0)] public long Positive { get; init; }
    [Id(1)] public long Neutral { get; init; }
    [Id(2)] public long Negative { get; init; }
    [Id(3)] public long Unscored { get; init; }

    /// <summary>Mean of p(positive) − p(negative) over scored texts; null when nothing was scored.</summary>
    [Id(4)] public double? MeanScore { get; init; }

    /// <summary>(positive − negative) / scored; null when nothing was scored.</summary>
    [Id(5)] public double? NetSentiment { get; init; }

    /// <summary>Texts counted in the totals whose score has not arrived yet (campaign totals only).</summary>
    [Id(6)] public long Pending { get; init; }

    /// <summary>Scored texts by most likely emotion (null where none was scored with the emotion head).</summary>
    [Id(7)] public EmotionCounts? Emotion { get; init; }

    /// <summary>Scored texts flagged offensive or hateful (null where none was scored with the brand-safety heads).</summary>
    [Id(8)] public BrandSafetyCounts? BrandSafety { get; init; }
}
