namespace StreamingMarketing.Contracts.Insights;

/// <summary>Scored texts by their most likely emotion (texts scored by a model without the emotion head count in none).</summary>
[GenerateSerializer, Immutable]
public sealed record EmotionCounts
{
    [Id(0)] public long Anger { get; init; }
    [Id(1)] public long Joy { get; init; }
    [Id(2)] public long Optimism { get; init; }
    [Id(3)] public long Sadness { get; init; }
}

/// <summary>Scored texts flagged by the brand-safety heads (p ≥ 0.5); one text may carry both flags.</summary>
[GenerateSerializer, Immutable]
public sealed record BrandSafetyCounts
{
    [Id(0)] public long Offensive { get; init; }
    [Id(1)] public long Hate { get; init; }
}
