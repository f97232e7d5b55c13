using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>
/// One campaign's rolling metrics, keyed by campaign id. Fed by its implicit subscription to
/// <see cref="StreamNames.CampaignEvents"/>; read by the gateway.
/// </summary>
public interface ICampaignGrain : IFlushableGrain
{
    /// <summary>
    /// Counts the campaign's events of one or more stream items its partition's consumer received (persistent
    /// profiles), exactly once, and answers once they are durable: only then may the items be acknowledged.
    /// </summary>
    Task CountAsync(InteractionBatch[] items);

    /// <summary>The full answer for <c>GET /api/campaigns/{id}</c>; null when the campaign never received an event.</summary>
    [AlwaysInterleave]
    Task<CampaignView?> GetViewAsync();

    /// <summary>Headline KPIs for the campaign list; null when the campaign never received an event.</summary>
    [AlwaysInterleave]
    Task<CampaignSummary?> GetSummaryAsync();

    /// <summary>Stores the campaign's metadata (written through) and lists the campaign, events or not.</summary>
    Task<CampaignMetadata> SetMetadataAsync(CampaignMetadata metadata);

    /// <summary>The users whose posts draw the most engagement; null when the campaign never received an event.</summary>
    [AlwaysInterleave]
    Task<List<InfluencerView>?> GetInfluencersAsync(int top);

    /// <summary>
    /// The campaign's variants compared on <paramref name="metric"/> against <paramref name="control"/> (null: the
    /// default control), with series over <paramref name="seriesWindow"/>; null when the campaign never received an event.
    /// </summary>
    [AlwaysInterleave]
    Task<VariantsView?> GetVariantsAsync(VariantMetric metric, string? control, string seriesWindow);

    /// <summary>Each named variant's impressions and successes of <paramref name="metric"/>, and the metadata; null when never seen.</summary>
    [AlwaysInterleave]
    Task<VariantCounts?> GetVariantCountsAsync(VariantMetric metric);
}
