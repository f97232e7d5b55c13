using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>
/// A campaign's analysis, keyed by campaign id: rolling windows, sentiment scoring and counts, trends, alerts,
/// influencers, segments and brand mentions. Fed one way: counted events from its campaign grain's outbox, segment
/// moves from user grains, metadata from the campaign grain. It never calls back into the campaign.
/// </summary>
public interface ICampaignInsightsGrain : IFlushableGrain
{
    /// <summary>Applies the campaign's parts in order; a part numbered at or below the last applied is a resend.</summary>
    Task ApplyPartsAsync(InsightsPart[] parts);

    /// <summary>How users moved in the campaign's segments: batched by each silo, best effort (docs/design.md, "What trails the counts").</summary>
    [OneWay]
    Task ApplySegmentChangesAsync(SegmentChange[] changes);

    /// <summary>The campaign's metadata as the campaign grain stored it (brands to match, alert rule overrides).</summary>
    Task DescribeAsync(CampaignMetadata metadata);

    /// <summary>The analysis part of the campaign answer (empty windows before the first part arrives).</summary>
    [AlwaysInterleave]
    Task<CampaignInsightsView> GetViewAsync();

    /// <summary>The sentiment mix for the campaign list's headline KPIs.</summary>
    [AlwaysInterleave]
    Task<SentimentView> GetSentimentAsync();

    [AlwaysInterleave]
    Task<List<InfluencerView>> GetInfluencersAsync(int top);

    /// <summary>One metric's hourly counts of the last 30 days, for forecasts; null when no event was ever counted.</summary>
    [AlwaysInterleave]
    Task<MetricHistory?> GetHistoryAsync(ForecastMetric metric);

    /// <summary>
    /// Removes what names the stored user id (negative comments, waiting texts, influencer and post-author entries,
    /// alert drivers) and writes at once; counts and windows stay as they are.
    /// </summary>
    Task<ErasedTraces> EraseUserAsync(string userId);

    /// <summary>Drops stored texts (negative comments) older than <paramref name="cutoff"/>; answers how many.</summary>
    Task<int> PurgeTextsBeforeAsync(DateTime cutoff);
}
