using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Grains.Insights.Segments;
using StreamingMarketing.Grains.Insights.Trends;
using StreamingMarketing.Grains.Insights.Voice;

namespace StreamingMarketing.Grains.Insights;

/// <summary>
/// A campaign's insights arithmetic, free of Orleans: trends, influence, brand mentions and segments per applied
/// event, alert rules on the campaign's windows. The campaign grain calls it exactly once per applied event.
/// </summary>
public sealed class CampaignInsights(CampaignInsightsState state)
{
    private BrandMatcher? matcher;

    public CampaignInsightsState State => state;

    public InsightsOutbox Outbox { get; } = new();

    public void Describe(CampaignMetadata? metadata) => matcher = metadata?.Brand is null ? null : new BrandMatcher(metadata);

    public void Observe(InteractionEvent e)
    {
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
    public List<AlertView> EvaluateAlerts(string campaignId, EventWindows windows, DateTime firstEventAt, EffectiveRules rules, DateTime now)
    {
        var book = state.Alerts;
        book.Baseline.FoldCompletedHours(windows.LastDay, now, firstEventAt);
        var transitions = new List<AlertView>();
        foreach (var reading in AlertEvaluator.Measure(windows, book.Baseline, firstEventAt, rules, now))
        {
            if (book.Apply(campaignId, reading, now) is { } transition)
            {
                transitions.Add(transition);
            }
        }

        return transitions;
    }

    public Dictionary<string, TrendsView> Trending(DateTime now, int top) =>
        Enum.GetValues<TrendWindow>().ToDictionary(w => w.ToName(), w => state.Trends.ToView(w, now, top));

    public SegmentCounts Segments(DateTime now) => state.Segments.Count(SegmentRules.DayOf(now));

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
