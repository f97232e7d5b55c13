namespace StreamingMarketing.Contracts.Views;

/// <summary>The answer of <c>GET /api/users/{id}</c> (docs/api.md).</summary>
[GenerateSerializer, Immutable]
public sealed record UserView
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public required Dictionary<string, long> Totals { get; init; }
    [Id(2)] public required Dictionary<string, long> Platforms { get; init; }
    [Id(3)] public required List<UserCampaign> Campaigns { get; init; }
    [Id(4)] public required List<TagWeight> Interests { get; init; }
    [Id(5)] public required SentimentView Sentiment { get; init; }
    [Id(6)] public DateTime? FirstSeen { get; init; }
    [Id(7)] public DateTime? LastSeen { get; init; }
    [Id(8)] public double EngagementScore { get; init; }
    [Id(9)] public required Dictionary<string, WindowView> Windows { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record UserCampaign(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] long Events,
    [property: Id(2)] DateTime LastSeen,
    [property: Id(3)] string? Segment = null);

[GenerateSerializer, Immutable]
public sealed record TagWeight([property: Id(0)] string Tag, [property: Id(1)] double Weight);
