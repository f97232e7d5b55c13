using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Insights;

namespace StreamingMarketing.Grains.Campaigns;

/// <summary>The campaign's arithmetic, free of Orleans: applies scored events to a <see cref="CampaignState"/> and reads views off it.</summary>
public sealed class CampaignAggregator(CampaignState state, AggregationOptions options)
{
    /// <summary>Trending items listed per window in the campaign answer.</summary>
    public const int TrendingInView = 10;

    public CampaignState State => state;

    public CampaignInsights Insights { get; } = new(state.Insights);

    /// <summary>True when the event id was not applied before (and is now remembered).</summary>
    public bool TryRemember(string eventId) => state.Applied.Add(EventHash.Of(eventId));

    public bool WasApplied(string eventId) => state.Applied.Contains(EventHash.Of(eventId));

    /// <summary>Counts the event; its text, if any, waits in <see cref="CampaignState.PendingTexts"/> for its score.</summary>
    public void Apply(InteractionEvent e, DateTime now)
    {
        state.Totals.AddEvent(e.Type, e.Value);
        state.ByPlatform[(int)e.Platform]++;
        state.Windows.AddEvent(e.Timestamp, now, e.Type, e.Value);
        state.Users.Add(EventHash.Of(e.UserId));
        foreach (var tag in e.Hashtags)
        {
            state.Hashtags.Add(tag);
        }

        if (e.PostId is not null && e.Type.IsEngagement())
        {
            state.Posts.Add(e.PostId);
        }

        Insights.Observe(e);
        state.FirstEventAt = state.FirstEventAt is { } first && first <= e.Timestamp ? first : e.Timestamp;
        state.LastEventAt = state.LastEventAt is { } last && last >= e.Timestamp ? last : e.Timestamp;
        state.UpdatedAt = now;
    }

    public void ApplySentiment(PendingText text, SentimentScore sentiment, DateTime now)
    {
        state.Totals.AddSentiment(sentiment);
        state.Windows.AddSentiment(text.Timestamp, now, sentiment);
        if (sentiment.Label == SentimentLabel.Negative)
        {
            KeepIfAmongMostNegative(text, sentiment);
        }

        state.UpdatedAt = now;
    }

    public CampaignView ToView(string campaignId, DateTime now) => new()
    {
        CampaignId = campaignId,
        Totals = state.Totals.TotalsByName(),
        Platforms = PlatformTotals(state.ByPlatform),
        UniqueUsers = state.Users.Count,
        UniqueUsersExact = state.Users.IsExact,
        UniqueUsersRelativeError = state.Users.RelativeError,
        EngagementRate = state.Totals.EngagementRate,
        Ctr = state.Totals.Ctr,
        Conversions = state.Totals[EventType.Conversion],
        ConversionValue = state.Totals.ConversionValue,
        Windows = state.Windows.ToViews(now),
        Sentiment = state.Totals.ToSentimentView() with { Pending = state.PendingTexts.Count },
        TopHashtags = state.Hashtags.Top(10).Select(t => new TagCount(t.Item, t.Count)).ToList(),
        TopPosts = state.Posts.Top(10).Select(p => new PostEngagement(p.Item, p.Count)).ToList(),
        MostNegativeComments = state.MostNegative.OrderBy(c => c.Score).ToList(),
        FirstEventAt = state.FirstEventAt,
        LastEventAt = state.LastEventAt,
        UpdatedAt = state.UpdatedAt,
        DuplicatesDropped = state.DuplicatesDropped,
        Metadata = state.Metadata,
        Trending = Insights.Trending(now, TrendingInView),
        Segments = Insights.Segments(now),
        Alerts = state.Insights.Alerts.ToViews(),
    };

    public CampaignSummary ToSummary(string campaignId) => new()
    {
        CampaignId = campaignId,
        Events = state.Totals.Events,
        Impressions = state.Totals[EventType.Impression],
        UniqueUsers = state.Users.Count,
        EngagementRate = state.Totals.EngagementRate,
        Ctr = state.Totals.Ctr,
        Conversions = state.Totals[EventType.Conversion],
        ConversionValue = state.Totals.ConversionValue,
        NetSentiment = state.Totals.ToSentimentView().NetSentiment,
        LastEventAt = state.LastEventAt,
    };

    internal static Dictionary<string, long> PlatformTotals(long[] byPlatform)
    {
        var totals = new Dictionary<string, long>();
        for (var i = 0; i < byPlatform.Length; i++)
        {
            if (byPlatform[i] > 0)
            {
                totals[Platforms.WireNames[i]] = byPlatform[i];
            }
        }

        return totals;
    }

    /// <summary>Keeps the most negative recent comments: among the newest, the lowest scores win a place.</summary>
    private void KeepIfAmongMostNegative(PendingText e, SentimentScore sentiment)
    {
        var list = state.MostNegative;
        var comment = new NegativeComment
        {
            EventId = e.EventId,
            UserId = e.UserId,
            Text = e.Text.Length <= 500 ? e.Text : e.Text[..500] + "…",
            Score = Math.Round(sentiment.Score, 4),
            Timestamp = e.Timestamp,
            Platform = e.Platform.ToWireName(),
        };

        if (list.Count < options.MostNegativeComments)
        {
            list.Add(comment);
            return;
        }

        // "Recent" wins over "most negative" once the list is full: the oldest comment that is no more negative
        // than the newcomer gives way, so the list follows the conversation instead of freezing on its worst day.
        var victim = list
            .Select((c, index) => (c, index))
            .Where(x => x.c.Score >= comment.Score || x.c.Timestamp < e.Timestamp - TimeSpan.FromDays(1))
            .OrderBy(x => x.c.Timestamp)
            .FirstOrDefault();
        if (victim.c is not null)
        {
            list[victim.index] = comment;
        }
    }
}
