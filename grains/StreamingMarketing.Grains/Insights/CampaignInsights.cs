using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Grains.Insights.Segments;
using StreamingMarketing.Grains.Insights.Trends;
using StreamingMarketing.Grains.Insights.Voice;

namespace StreamingMarketing.Grains.Insights;

/// <summary>
/// A campaign's insights arithmetic, free of Orleans: windows, trends, influence, brand mentions and segments per
/// counted event, sentiment per score, alert rules on the windows. The insights grain calls it exactly once per event.
/// </summary>
public sealed class CampaignInsights(CampaignInsightsState state, int mostNegativeKept)
{
    /// <summary>Most negative recent comments a campaign keeps: enough for a dashboard list, bounded in state.</summary>
    public const int MostNegativeComments = 20;

    private readonly AnomalyWatch anomalies = new();
    private BrandMatcher? matcher;

    public CampaignInsightsState State => state;

    public InsightsOutbox Outbox { get; } = new();

    public void Describe(CampaignMetadata? metadata) => matcher = metadata?.Brand is null ? null : new BrandMatcher(metadata);

    /// <summary>Everything one counted event changes; its text, if any, is scored separately.</summary>
    public void Apply(InteractionEvent e, DateTime now)
    {
        state.Windows.AddEvent(e.Timestamp, now, e.Type, e.Value);
        state.History.AddEvent(e.Timestamp, now, e.Type);
        state.FirstEventAt = state.FirstEventAt is { } first && first <= e.Timestamp ? first : e.Timestamp;
        Observe(e);
    }

    public void ApplySentiment(PendingText text, SentimentScore sentiment, DateTime now)
    {
        state.Sentiment.AddSentiment(sentiment);
        state.Windows.AddSentiment(text.Timestamp, now, sentiment);
        state.History.AddSentiment(text.Timestamp, now, sentiment.Label);
        if (sentiment.Label == SentimentLabel.Negative)
        {
            state.Drivers.AddNegativeText(text.UserId, text.Platform.ToWireName(), KeywordExtractor.Extract(text.Text), text.Timestamp);
            KeepIfAmongMostNegative(text, sentiment);
        }
    }

    public CampaignInsightsView ToView(DateTime now, int trendingTop) => new()
    {
        Windows = state.Windows.ToViews(now),
        Sentiment = SentimentView(),
        MostNegativeComments = state.MostNegative.OrderBy(c => c.Score).ToList(),
        Trending = Trending(now, trendingTop),
        Segments = Segments(now),
        Alerts = state.Alerts.ToViews(),
    };

    public SentimentView SentimentView() => state.Sentiment.ToSentimentView() with { Pending = state.PendingTexts.Count };

    private void Observe(InteractionEvent e)
    {
        state.Trends.Observe(e.Timestamp);
        state.Drivers.AddEvent(e.UserId, e.Platform.ToWireName(), e.PostId, e.Timestamp);
        foreach (var tag in e.Hashtags)
        {
            state.Trends.AddHashtag(tag, e.Timestamp);
            Outbox.AddHashtag(tag, e.Timestamp);
        }

        if (e.Text is { } text)
        {
            foreach (var keyword in KeywordExtractor.Extract(text))
            {
                state.Trends.AddKeyword(keyword, e.Timestamp);
                Outbox.AddKeyword(keyword, e.Timestamp);
            }

            if (matcher is not null && e.Type.RequiresText())
            {
                foreach (var (key, name) in matcher.Mentions(text))
                {
                    Outbox.AddMention(key, name, e.Timestamp);
                }
            }
        }

        CreditAuthor(e);
    }

    public void ApplySegmentChange(SegmentChange change, DateTime now) => state.Segments.Apply(change, SegmentRules.DayOf(now));

    /// <summary>Measures every rule and applies the readings; the transitions they caused, oldest first.</summary>
    public List<AlertView> EvaluateAlerts(string campaignId, EffectiveRules rules, DateTime now)
    {
        var transitions = new List<AlertView>();
        if (state.FirstEventAt is not { } firstEventAt)
        {
            return transitions;
        }

        var book = state.Alerts;
        book.Baseline.FoldCompletedHours(state.Windows.LastDay, now, firstEventAt);
        var readings = AlertEvaluator.Measure(state.Windows, book.Baseline, firstEventAt, rules, now)
            .Concat(anomalies.Measure(state.History, rules.Anomaly, now));
        foreach (var reading in readings)
        {
            if (book.Apply(campaignId, reading, now, () => AlertDriverReader.Read(reading.Rule, state.Trends, state.Drivers, now)) is { } transition)
            {
                transitions.Add(transition);
            }
        }

        return transitions;
    }

    public Dictionary<string, TrendsView> Trending(DateTime now, int top) =>
        Enum.GetValues<TrendWindow>().ToDictionary(w => w.ToName(), w => state.Trends.ToView(w, now, top));

    public SegmentCounts Segments(DateTime now) => state.Segments.Count(SegmentRules.DayOf(now));

    /// <summary>Keeps the most negative recent comments: among the newest, the lowest scores win a place.</summary>
    private void KeepIfAmongMostNegative(PendingText text, SentimentScore sentiment)
    {
        var list = state.MostNegative;
        var comment = new NegativeComment
        {
            EventId = text.EventId,
            UserId = text.UserId,
            Text = text.Text.Length <= 500 ? text.Text : text.Text[..500] + "…",
            Score = Math.Round(sentiment.Score, 4),
            Timestamp = text.Timestamp,
            Platform = text.Platform.ToWireName(),
        };

        if (list.Count < mostNegativeKept)
        {
            list.Add(comment);
            return;
        }

        // "Recent" wins over "most negative" once the list is full: the oldest comment that is no more negative
        // than the newcomer gives way, so the list follows the conversation instead of freezing on its worst day.
        var victim = list
            .Select((c, index) => (c, index))
            .Where(x => x.c.Score >= comment.Score || x.c.Timestamp < text.Timestamp - TimeSpan.FromDays(1))
            .OrderBy(x => x.c.Timestamp)
            .FirstOrDefault();
        if (victim.c is not null)
        {
            list[victim.index] = comment;
        }
    }

    /// <summary>See <see cref="Influence.PostAuthors"/> for who counts as a post's author.</summary>
    private void CreditAuthor(InteractionEvent e)
    {
        if (e.PostId is not { } post)
        {
            return;
        }

        if (e.Type == EventType.Mention && state.Posts.TryClaim(post, e.UserId))
        {
            state.Influencers.CountPost(e.UserId);
            return;
        }

        // Engaging with one's own post generates nothing.
        if (state.Posts.AuthorOf(post) is { } author && author != e.UserId)
        {
            state.Influencers.Credit(author, e.Type);
        }
    }
}
