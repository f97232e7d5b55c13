using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Grains.Users;

[GenerateSerializer]
public sealed class UserProfileState
{
    [Id(0)] public KpiCounters Totals { get; set; } = new();
    [Id(1)] public long[] ByPlatform { get; set; } = new long[Platforms.All.Length];
    [Id(2)] public EventWindows Windows { get; set; } = new();
    [Id(3)] public Dictionary<string, CampaignActivity> Campaigns { get; set; } = [];
    [Id(4)] public DecayingTagWeights Interests { get; set; } = new();
    [Id(6)] public DateTime? FirstSeen { get; set; }
    [Id(7)] public DateTime? LastSeen { get; set; }
    [Id(8)] public double EngagementScore { get; set; }

    /// <summary>
    /// The last part number applied per campaign, from the campaign grain (interactions) and from its insights grain
    /// (sentiment). Never evicted with <see cref="Campaigns"/>: a campaign may resend a part whenever it recovers.
    /// </summary>
    [Id(9)] public Dictionary<string, long> LastCampaignPart { get; set; } = [];
    [Id(10)] public Dictionary<string, long> LastInsightsPart { get; set; } = [];

    public bool IsEmpty => FirstSeen is null;
}

[GenerateSerializer]
public sealed class CampaignActivity
{
    [Id(0)] public long Events { get; set; }
    [Id(1)] public DateTime LastSeen { get; set; }

    /// <summary>First event in the campaign; default for profiles older than segments (they count as long-standing).</summary>
    [Id(2)] public DateTime FirstSeen { get; set; }

    /// <summary>What the user's texts and shares in the campaign say, for the segment rules.</summary>
    [Id(3)] public long Positive { get; set; }
    [Id(4)] public long Negative { get; set; }
    [Id(5)] public long Shares { get; set; }
}
