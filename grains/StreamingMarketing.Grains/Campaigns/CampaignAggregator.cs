using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Experiments;
using StreamingMarketing.Grains.Spend;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Campaigns;

/// <summary>The campaign's counting, free of Orleans: applies events to a <see cref="CampaignState"/> and reads answers off it.</summary>
public sealed class CampaignAggregator(CampaignState state)
{
    public CampaignState State => state;

    /// <summary>
    /// The events not applied before, now remembered as applied (a repeat inside the batch finds its first copy
    /// remembered); the rest are counted as duplicates. One hash and one lookup per event.
    /// </summary>
    public List<InteractionEvent> Fresh(InteractionEvent[] events)
    {
        var fresh = new List<InteractionEvent>(events.Length);
        foreach (var e in events)
        {
            if (!state.Applied.Add(StableStringHash.Of(e.EventId)))
            {
                state.DuplicatesDropped++;
                PipelineMetrics.DuplicatesDropped.Add(1, new KeyValuePair<string, object?>("grain", "campaign"));
                continue;
            }

            fresh.Add(e);
        }

        return fresh;
    }

    public void Apply(InteractionEvent e, DateTime now)
    {
        state.Totals.AddEvent(e.Type, e.Value);
        state.ByPlatform[(int)e.Platform]++;
        state.Variants.Add(e, now);
        state.Users.Add(StableStringHash.Of(e.UserId));
        foreach (var tag in e.Hashtags)
        {
            state.Hashtags.Add(tag);
        }

        if (e.PostId is not null && e.Type.IsEngagement())
        {
            state.Posts.Add(e.PostId);
        }

        state.FirstEventAt = state.FirstEventAt is { } first && first <= e.Timestamp ? first : e.Timestamp;
        state.LastEventAt = state.LastEventAt is { } last && last >= e.Timestamp ? last : e.Timestamp;
        state.UpdatedAt = now;
    }

    /// <summary>
    /// The campaign answer: counts from here, windows, sentiment and insights from the campaign's insights grain, and
    /// what the traffic cost when the metadata names a cost model.
    /// </summary>
    public CampaignView ToView(string campaignId, CampaignInsightsView insights, DateTime now)
    {
        var windows = insights.Windows.ToDictionary(
            pair => pair.Key,
            pair => pair.Value with { Spend = SpendCalculator.Of(state.Metadata, pair.Value.Totals, pair.Value.ConversionValue) });
        var spend = SpendCalculator.Of(state.Metadata, state.Totals);
        return ToView(campaignId, insights) with
        {
            Windows = windows,
            Spend = spend,
            Budget = BudgetProjection.Of(state.Metadata, spend, windows.GetValueOrDefault("24h")?.Spend, state.FirstEventAt, now),
        };
    }

    private CampaignView ToView(string campaignId, CampaignInsightsView insights) => new()
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
        Windows = insights.Windows,
        Sentiment = insights.Sentiment,
        TopHashtags = state.Hashtags.Top(10).Select(t => new TagCount(t.Item, t.Count)).ToList(),
        TopPosts = state.Posts.Top(10).Select(p => new PostEngagement(p.Item, p.Count)).ToList(),
        MostNegativeComments = insights.MostNegativeComments,
        FirstEventAt = state.FirstEventAt,
        LastEventAt = state.LastEventAt,
        UpdatedAt = state.UpdatedAt,
        DuplicatesDropped = state.DuplicatesDropped,
        Metadata = state.Metadata,
        Trending = insights.Trending,
        Segments = insights.Segments,
        Alerts = insights.Alerts,
    };

    public VariantsView ToVariants(string campaignId, VariantMetric metric, string? control, string seriesWindow, DateTime now) =>
        VariantComparison.Compare(campaignId, state.Variants, metric, control, seriesWindow, now, state.UpdatedAt, state.Metadata);

    /// <summary>Each named variant's impressions and successes of <paramref name="metric"/>, for the allocation grain.</summary>
    public VariantCounts ToVariantCounts(VariantMetric metric, DateTime now) => new()
    {
        Variants = state.Variants.ByName
            .Where(pair => pair.Key != VariantTally.Other)
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new VariantCount(
                pair.Key,
                pair.Value.Totals[EventType.Impression],
                VariantCounters.Successes(pair.Value.Totals, metric),
                pair.Value.Windows.LastHour.InWindow(now).Sum(bucket => bucket.Counters[EventType.Impression])))
            .ToList(),
        Metadata = state.Metadata,
    };

    public CampaignSummary ToSummary(string campaignId, SentimentView sentiment) => new()
    {
        CampaignId = campaignId,
        Events = state.Totals.Events,
        Impressions = state.Totals[EventType.Impression],
        UniqueUsers = state.Users.Count,
        EngagementRate = state.Totals.EngagementRate,
        Ctr = state.Totals.Ctr,
        Conversions = state.Totals[EventType.Conversion],
        ConversionValue = state.Totals.ConversionValue,
        NetSentiment = sentiment.NetSentiment,
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
}
