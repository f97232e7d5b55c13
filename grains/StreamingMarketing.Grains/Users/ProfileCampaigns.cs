using CommunityToolkit.HighPerformance.Buffers;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Insights.Segments;

namespace StreamingMarketing.Grains.Users;

/// <summary>
/// A profile's campaigns over the state's one array of entries, found by a linear scan: a user is in few campaigns,
/// and a scan of a few structs beats a dictionary's hashing and its per-entry objects. Campaign ids are interned in a
/// bounded process-wide pool, since a silo's users share a few thousand campaigns.
/// </summary>
public readonly struct ProfileCampaigns(UserProfileState state)
{
    /// <summary>A bound on the campaigns listed per user; the least recently active one gives way.</summary>
    public const int MaxListed = 50;

    public long LastPart(PartSource source, string campaignId)
    {
        var at = IndexOf(campaignId);
        if (at < 0)
        {
            return 0;
        }

        ref var entry = ref state.Campaigns[at];
        return source == PartSource.Campaign ? entry.LastCampaignPart : entry.LastInsightsPart;
    }

    public void SetLastPart(PartSource source, string campaignId, long sequence)
    {
        // The index first: adding an entry replaces the array that an inline index expression would have read already.
        var at = IndexOrAdd(campaignId);
        ref var entry = ref state.Campaigns[at];
        if (source == PartSource.Campaign)
        {
            entry.LastCampaignPart = sequence;
        }
        else
        {
            entry.LastInsightsPart = sequence;
        }
    }

    public void Track(in UserInteraction interaction)
    {
        var at = IndexOrAdd(interaction.CampaignId);
        if (!state.Campaigns[at].IsListed)
        {
            MakeRoomToList();
            state.Campaigns[at].FirstSeen = interaction.Timestamp;
        }

        ref var entry = ref state.Campaigns[at];
        entry.Events++;
        entry.Shares += interaction.Type == EventType.Share ? 1 : 0;
        if (interaction.Timestamp < entry.FirstSeen)
        {
            entry.FirstSeen = interaction.Timestamp;
        }

        if (interaction.Timestamp > entry.LastSeen)
        {
            entry.LastSeen = interaction.Timestamp;
        }
    }

    /// <summary>Counts a text's sentiment for the segment rules, in a listed campaign only.</summary>
    public void AddSentiment(string campaignId, SentimentLabel label)
    {
        var at = IndexOf(campaignId);
        if (at >= 0 && state.Campaigns[at].IsListed)
        {
            ref var entry = ref state.Campaigns[at];
            entry.Positive += label == SentimentLabel.Positive ? 1 : 0;
            entry.Negative += label == SentimentLabel.Negative ? 1 : 0;
        }
    }

    /// <summary>The user's standing and first/last day in a campaign; null when the campaign is not (or no longer) listed.</summary>
    public SegmentSnapshot? SegmentIn(string campaignId)
    {
        var at = IndexOf(campaignId);
        return at >= 0 && state.Campaigns[at].IsListed ? Snapshot(state.Campaigns[at]) : null;
    }

    public List<UserCampaign> ToViews(DateTime now) => state.Campaigns
        .Where(entry => entry.IsListed)
        .OrderByDescending(entry => entry.LastSeen)
        .Select(entry => new UserCampaign(entry.CampaignId, entry.Events, entry.LastSeen, SegmentRules.Name(Snapshot(entry), SegmentRules.DayOf(now))))
        .ToList();

    /// <summary>Every campaign the profile knows, listed or known by its part numbers only.</summary>
    public IEnumerable<string> Ids() => state.Campaigns.Select(entry => entry.CampaignId);

    /// <summary>Shares the ids of a profile read from storage with the silo's other profiles.</summary>
    public void InternIds()
    {
        for (var at = 0; at < state.Campaigns.Length; at++)
        {
            state.Campaigns[at].CampaignId = StringPool.Shared.GetOrAdd(state.Campaigns[at].CampaignId);
        }
    }

    private static SegmentSnapshot Snapshot(in CampaignEntry entry) => new(
        SegmentRules.Standing(entry.Positive, entry.Negative, entry.Shares),
        SegmentRules.DayOf(entry.FirstSeen),
        SegmentRules.DayOf(entry.LastSeen));

    private int IndexOf(string campaignId)
    {
        var campaigns = state.Campaigns;
        for (var at = 0; at < campaigns.Length; at++)
        {
            if (string.Equals(campaigns[at].CampaignId, campaignId, StringComparison.Ordinal))
            {
                return at;
            }
        }

        return -1;
    }

    private int IndexOrAdd(string campaignId)
    {
        var at = IndexOf(campaignId);
        if (at >= 0)
        {
            return at;
        }

        var campaigns = state.Campaigns;
        Array.Resize(ref campaigns, campaigns.Length + 1);
        campaigns[^1] = new CampaignEntry { CampaignId = StringPool.Shared.GetOrAdd(campaignId) };
        state.Campaigns = campaigns;
        return campaigns.Length - 1;
    }

    /// <summary>Unlists the least recently active campaign when the list is full; its part numbers stay.</summary>
    private void MakeRoomToList()
    {
        var campaigns = state.Campaigns;
        var listed = 0;
        var oldest = -1;
        for (var at = 0; at < campaigns.Length; at++)
        {
            if (campaigns[at].IsListed)
            {
                listed++;
                oldest = oldest < 0 || campaigns[at].LastSeen < campaigns[oldest].LastSeen ? at : oldest;
            }
        }

        if (listed >= MaxListed)
        {
            ref var evicted = ref campaigns[oldest];
            evicted = new CampaignEntry
            {
                CampaignId = evicted.CampaignId,
                LastCampaignPart = evicted.LastCampaignPart,
                LastInsightsPart = evicted.LastInsightsPart,
            };
        }
    }
}
