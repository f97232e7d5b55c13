using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Campaigns;
using StreamingMarketing.Grains.Insights.Segments;

namespace StreamingMarketing.Grains.Users;

/// <summary>The user profile's arithmetic, free of Orleans.</summary>
public sealed class UserProfileAggregator(UserProfileState state, AggregationOptions options)
{
    /// <summary>A bound on the campaigns listed per user; the least recently active one gives way.</summary>
    public const int MaxCampaigns = 50;

    /// <summary>What each interaction adds to the engagement score: deeper actions weigh more than passive ones.</summary>
    private static readonly double[] EngagementWeights =
    [
        /* impression */ 0, /* view */ 0.1, /* like */ 1, /* comment */ 3, /* share */ 4,
        /* click */ 2, /* follow */ 3, /* mention */ 3, /* conversion */ 10,
    ];

    public void Apply(in UserInteraction interaction, DateTime now)
    {
        state.Totals.AddEvent(interaction.Type, interaction.Value);
        state.ByPlatform[(int)interaction.Platform]++;
        state.Windows.AddEvent(interaction.Timestamp, now, interaction.Type, interaction.Value);
        state.EngagementScore += EngagementWeights[(int)interaction.Type];
        TrackCampaign(interaction);

        // Passive impressions say little about interest; every other interaction with a tagged post does.
        if (interaction.Type != EventType.Impression)
        {
            foreach (var tag in interaction.Hashtags)
            {
                state.Interests.Add(tag, interaction.Timestamp, options.InterestHalfLife);
            }
        }

        state.FirstSeen = state.FirstSeen is { } first && first <= interaction.Timestamp ? first : interaction.Timestamp;
        state.LastSeen = state.LastSeen is { } last && last >= interaction.Timestamp ? last : interaction.Timestamp;
    }

    public void ApplySentiment(in UserSentiment sentiment, DateTime now)
    {
        state.Totals.AddSentiment(sentiment.Sentiment);
        state.Windows.AddSentiment(sentiment.Timestamp, now, sentiment.Sentiment);
        if (state.Campaigns.TryGetValue(sentiment.CampaignId, out var activity))
        {
            activity.Positive += sentiment.Sentiment.Label == SentimentLabel.Positive ? 1 : 0;
            activity.Negative += sentiment.Sentiment.Label == SentimentLabel.Negative ? 1 : 0;
        }
    }

    /// <summary>The user's standing and first/last day in a campaign; null when the campaign is not (or no longer) listed.</summary>
    public SegmentSnapshot? SegmentIn(string campaignId) =>
        state.Campaigns.TryGetValue(campaignId, out var activity) ? Snapshot(activity) : null;

    private static SegmentSnapshot Snapshot(CampaignActivity activity) => new(
        SegmentRules.Standing(activity.Positive, activity.Negative, activity.Shares),
        SegmentRules.DayOf(activity.FirstSeen),
        SegmentRules.DayOf(activity.LastSeen));

    public UserView ToView(string userId, DateTime now) => new()
    {
        UserId = userId,
        Totals = state.Totals.TotalsByName(),
        Platforms = CampaignAggregator.PlatformTotals(state.ByPlatform),
        Campaigns = state.Campaigns
            .OrderByDescending(pair => pair.Value.LastSeen)
            .Select(pair => new UserCampaign(pair.Key, pair.Value.Events, pair.Value.LastSeen, SegmentRules.Name(Snapshot(pair.Value), SegmentRules.DayOf(now))))
            .ToList(),
        Interests = state.Interests.Top(10, now, options.InterestHalfLife),
        Sentiment = state.Totals.ToSentimentView(),
        FirstSeen = state.FirstSeen,
        LastSeen = state.LastSeen,
        EngagementScore = state.EngagementScore,
        Windows = state.Windows.ToViews(now),
    };

    private void TrackCampaign(in UserInteraction interaction)
    {
        if (!state.Campaigns.TryGetValue(interaction.CampaignId, out var activity))
        {
            if (state.Campaigns.Count >= MaxCampaigns)
            {
                state.Campaigns.Remove(state.Campaigns.MinBy(pair => pair.Value.LastSeen).Key);
            }

            state.Campaigns[interaction.CampaignId] = activity = new CampaignActivity { FirstSeen = interaction.Timestamp };
        }

        activity.Events++;
        activity.Shares += interaction.Type == EventType.Share ? 1 : 0;
        if (interaction.Timestamp < activity.FirstSeen)
        {
            activity.FirstSeen = interaction.Timestamp;
        }

        if (interaction.Timestamp > activity.LastSeen)
        {
            activity.LastSeen = interaction.Timestamp;
        }
    }
}
