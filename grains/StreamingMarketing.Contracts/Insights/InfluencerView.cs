namespace StreamingMarketing.Contracts.Insights;

/// <summary>A user ranked by the engagement their posts draw from others in one campaign.</summary>
[GenerateSerializer, Immutable]
public sealed record InfluencerView
{
    [Id(0)] public required string UserId { get; init; }
    [Id(1)] public double Score { get; init; }
    [Id(2)] public long SharesReceived { get; init; }
    [Id(3)] public long MentionsReceived { get; init; }
    [Id(4)] public long RepliesReceived { get; init; }
    [Id(5)] public long LikesReceived { get; init; }

    /// <summary>Follow events on the user's posts: followers the user brought, derived because events carry no follower counts.</summary>
    [Id(6)] public long FollowsGained { get; init; }
    [Id(7)] public long Posts { get; init; }

    /// <summary>How much <see cref="Score"/> may overstate the truth (Space-Saving eviction; 0 when exact).</summary>
    [Id(8)] public double MaxOverestimate { get; init; }
}
