using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Spend;

namespace StreamingMarketing.Contracts.Views;

/// <summary>The answer of <c>GET /api/campaigns/{id}</c> (docs/api.md).</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignView
{
    [Id(0)] public required string CampaignId { get; init; }
    [Id(1)] public required Dictionary<string, long> Totals { get; init; }
    [Id(2)] public required Dictionary<string, long> Platforms { get; init; }
    [Id(3)] public long UniqueUsers { get; init; }

    /// <summary>True while the unique-user count is exact; false once it is a HyperLogLog estimate.</summary>
    [Id(4)] public bool UniqueUsersExact { get; init; }

    /// <summary>Standard relative error of <see cref="UniqueUsers"/> (0 while exact).</summary>
    [Id(5)] public double UniqueUsersRelativeError { get; init; }
    [Id(6)] public double EngagementRate { get; init; }
    [Id(7)] public double Ctr { get; init; }
    [Id(8)] public long Conversions { get; init; }
    [Id(9)] public double ConversionValue { get; init; }
    [Id(10)] public required Dictionary<string, WindowView> Windows { get; init; }
    [Id(11)] public required SentimentView Sentiment { get; init; }
    [Id(12)] public required List<TagCount> TopHashtags { get; init; }
    [Id(13)] public required List<PostEngagement> TopPosts { get; init; }
    [Id(14)] public required List<NegativeComment> MostNegativeComments { get; init; }
    [Id(15)] public DateTime? FirstEventAt { get; init; }
    [Id(16)] public DateTime? LastEventAt { get; init; }
    [Id(17)] public DateTime UpdatedAt { get; init; }
    [Id(18)] public long DuplicatesDropped { get; init; }

    /// <summary>What <c>PUT /api/campaigns/{id}</c> stored; null for a campaign never described.</summary>
    [Id(19)] public CampaignMetadata? Metadata { get; init; }

    /// <summary>Trending hashtags and keywords by window name (15m, 1h, 24h).</summary>
    [Id(20)] public Dictionary<string, TrendsView>? Trending { get; init; }
    [Id(21)] public SegmentCounts? Segments { get; init; }

    /// <summary>Alerts open now, and the last ones resolved (newest first).</summary>
    [Id(22)] public List<AlertView>? Alerts { get; init; }

    /// <summary>What the totals cost under the metadata's cost model; null without one.</summary>
    [Id(23)] public SpendView? Spend { get; init; }

    /// <summary>Spend against the budget, projected to the end date; null without a cost model.</summary>
    [Id(24)] public BudgetView? Budget { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record TagCount([property: Id(0)] string Tag, [property: Id(1)] long Count);

[GenerateSerializer, Immutable]
public sealed record PostEngagement([property: Id(0)] string PostId, [property: Id(1)] long Engagements);

[GenerateSerializer, Immutable]
public sealed record NegativeComment
{
    [Id(0)] public required string EventId { get; init; }
    [Id(1)] public required string UserId { get; init; }
    [Id(2)] public required string Text { get; init; }
    [Id(3)] public required double Score { get; init; }
    [Id(4)] public required DateTime Timestamp { get; init; }
    [Id(5)] public required string Platform { get; init; }
}
