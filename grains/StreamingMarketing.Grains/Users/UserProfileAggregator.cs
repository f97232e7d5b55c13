using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Campaigns;

namespace StreamingMarketing.Grains.Users;

/// <summary>The user profile's arithmetic, free of Orleans: a view over the state, held by the grain without an object of its own.</summary>
public readonly struct UserProfileAggregator(UserProfileState state, AggregationOptions options)
{
    /// <summary>What each interaction adds to the engagement score: deeper actions weigh more than passive ones.</summary>
    private static readonly double[] EngagementWeights =
    [
        /* impression */ 0, /* view */ 0.1, /* like */ 1, /* comment */ 3, /* share */ 4,
        /* click */ 2, /* follow */ 3, /* mention */ 3, /* conversion */ 10,
    ];

    public ProfileCampaigns Campaigns => new(state);

    public void Apply(in UserInteraction interaction, DateTime now)
    {
        new ProfileCounters(state).AddEvent(interaction.Type, interaction.Platform, interaction.Value, interaction.Timestamp, now);
        state.EngagementScore += EngagementWeights[(int)interaction.Type];
        Campaigns.Track(interaction);

        // Passive impressions say little about interest; every other interaction with a tagged post does.
        if (interaction.Type != EventType.Impression && interaction.Hashtags.Length > 0)
        {
            state.Interests ??= new DecayingTagWeights();
            foreach (var tag in interaction.Hashtags)
            {
                state.Interests.Add(tag, interaction.Timestamp, options.InterestHalfLife);
            }
        }

        state.FirstSeen = state.FirstSeen != default && state.FirstSeen <= interaction.Timestamp ? state.FirstSeen : interaction.Timestamp;
        state.LastSeen = state.LastSeen >= interaction.Timestamp ? state.LastSeen : interaction.Timestamp;
    }

    public void ApplySentiment(in UserSentiment sentiment, DateTime now)
    {
        new ProfileCounters(state).AddSentiment(sentiment.Sentiment, sentiment.Timestamp, now);
        Campaigns.AddSentiment(sentiment.CampaignId, sentiment.Sentiment.Label);
    }

    public UserView ToView(string userId, DateTime now)
    {
        var counters = new ProfileCounters(state);
        var totals = counters.Totals();
        return new UserView
        {
            UserId = userId,
            Totals = totals.TotalsByName(),
            Platforms = CampaignAggregator.PlatformTotals(counters.PlatformTotals()),
            Campaigns = Campaigns.ToViews(now),
            Interests = state.Interests?.Top(10, now, options.InterestHalfLife) ?? [],
            Sentiment = totals.ToSentimentView(),
            FirstSeen = state.IsEmpty ? null : state.FirstSeen,
            LastSeen = state.IsEmpty ? null : state.LastSeen,
            EngagementScore = state.EngagementScore,
            Windows = counters.WindowViews(now),
        };
    }
}
