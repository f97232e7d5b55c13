using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Grains.Users;

/// <summary>
/// A user's profile as it is held and stored: flat arrays instead of dictionaries of objects, since a silo holds a
/// profile for every active user and most profiles hold a handful of numbers. <see cref="ProfileCounters"/> and
/// <see cref="ProfileCampaigns"/> read and write it.
/// </summary>
[GenerateSerializer]
public sealed class UserProfileState
{
    /// <summary>The non-zero counters of the totals and the rolling windows, sorted by key (see <see cref="ProfileCounters"/>).</summary>
    [Id(11)] public long[] CounterKeys { get; set; } = [];
    [Id(12)] public double[] CounterValues { get; set; } = [];

    /// <summary>The campaigns the user was active in, and the last part number applied from each campaign's sources.</summary>
    [Id(13)] public CampaignEntry[] Campaigns { get; set; } = [];

    /// <summary>Null until the user's first tagged interaction beyond an impression.</summary>
    [Id(14)] public DecayingTagWeights? Interests { get; set; }

    /// <summary>Default until the first event.</summary>
    [Id(15)] public DateTime FirstSeen { get; set; }
    [Id(16)] public DateTime LastSeen { get; set; }
    [Id(8)] public double EngagementScore { get; set; }

    public bool IsEmpty => FirstSeen == default;
}

/// <summary>
/// One campaign of a user. The activity fields are cleared when the campaign stops being listed (the profile lists at
/// most <see cref="ProfileCampaigns.MaxListed"/>); the part numbers stay, since a campaign may resend a part whenever
/// it recovers.
/// </summary>
[GenerateSerializer]
public struct CampaignEntry
{
    [Id(0)] public string CampaignId { get; set; }

    /// <summary>Interactions counted while listed; 0 for a campaign that is not listed.</summary>
    [Id(1)] public int Events { get; set; }
    [Id(2)] public DateTime FirstSeen { get; set; }
    [Id(3)] public DateTime LastSeen { get; set; }

    /// <summary>What the user's texts and shares in the campaign say, for the segment rules.</summary>
    [Id(4)] public int Positive { get; set; }
    [Id(5)] public int Negative { get; set; }
    [Id(6)] public int Shares { get; set; }

    /// <summary>The last part number applied from the campaign grain (interactions) and its insights grain (sentiment).</summary>
    [Id(7)] public long LastCampaignPart { get; set; }
    [Id(8)] public long LastInsightsPart { get; set; }

    public readonly bool IsListed => Events > 0;
}
