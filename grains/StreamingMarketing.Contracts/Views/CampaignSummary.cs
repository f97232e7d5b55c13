namespace StreamingMarketing.Contracts.Views;

/// <summary>One row of <c>GET /api/campaigns</c>: the headline KPIs.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignSummary
{
    [Id(0)] public required string CampaignId { get; init; }
    [Id(1)] public long Events { get; init; }
    [Id(2)] public long Impressions { get; init; }
    [Id(3)] public long UniqueUsers { get; init; }
    [Id(4)] public double EngagementRate { get; init; }
    [Id(5)] public double Ctr { get; init; }
    [Id(6)] public long Conversions { get; init; }
    [Id(7)] public double ConversionValue { get; init; }
    [Id(8)] public double? NetSentiment { get; init; }
    [Id(9)] public DateTime? LastEventAt { get; init; }
}
