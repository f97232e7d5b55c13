using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Contracts.Allocation;

/// <summary>
/// What the allocation grain reads from a campaign: each named variant's impressions and successes of one metric, and
/// the metadata that pauses variants. A read of the campaign's exactly-once counters, nothing more.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record VariantCounts
{
    [Id(0)] public required List<VariantCount> Variants { get; init; }
    [Id(1)] public CampaignMetadata? Metadata { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record VariantCount(
    [property: Id(0)] string Name,
    [property: Id(1)] long Impressions,
    [property: Id(2)] long Successes,
    [property: Id(3)] long ImpressionsLastHour);
