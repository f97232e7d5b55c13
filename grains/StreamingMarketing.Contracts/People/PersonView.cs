using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Contracts.People;

/// <summary>
/// The answer of <c>GET /api/people/{personId}</c>: one person's profile across the platform ids linked to it, every
/// count the sum of its ids' own profiles.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PersonView
{
    [Id(0)] public required string PersonId { get; init; }

    /// <summary>The linked ids as stored (pseudonyms where the gateway pseudonymizes).</summary>
    [Id(1)] public required List<string> Ids { get; init; }

    /// <summary>Linked ids no event has named yet: they count from their first event on.</summary>
    [Id(2)] public required List<string> UnseenIds { get; init; }
    [Id(3)] public required Dictionary<string, long> Totals { get; init; }
    [Id(4)] public required Dictionary<string, long> Platforms { get; init; }

    /// <summary>Per campaign: events summed over the ids, the latest activity, and the segment of the id active last there.</summary>
    [Id(5)] public required List<UserCampaign> Campaigns { get; init; }

    /// <summary>Each tag's decayed weight summed over the ids, the 32 heaviest.</summary>
    [Id(6)] public required List<TagWeight> Interests { get; init; }
    [Id(7)] public required SentimentView Sentiment { get; init; }
    [Id(8)] public DateTime? FirstSeen { get; init; }
    [Id(9)] public DateTime? LastSeen { get; init; }
    [Id(10)] public double EngagementScore { get; init; }
}

/// <summary>The answer of <c>PUT /api/people/{personId}</c>: the ids now linked.</summary>
[GenerateSerializer, Immutable]
public sealed record PersonLinks
{
    [Id(0)] public required string PersonId { get; init; }
    [Id(1)] public required List<string> Ids { get; init; }
    [Id(2)] public DateTime UpdatedAt { get; init; }
}

/// <summary>What a link request found: the links, or the ids another person holds (nothing was changed then).</summary>
[GenerateSerializer, Immutable]
public sealed record LinkOutcome
{
    [Id(0)] public PersonLinks? Links { get; init; }
    [Id(1)] public Dictionary<string, string> HeldByOthers { get; init; } = [];
}

/// <summary>The body of <c>PUT /api/people/{personId}</c>.</summary>
public sealed class PersonLinkRequest
{
    public List<string?>? Ids { get; set; }
}
