using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Spend;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Grains.Spend;

/// <summary>
/// Spend and its KPIs from exact counts and the campaign's cost model, computed on read: counts are what the grains
/// keep exactly once, so spend is exact too (decimal: a count times the price the manager set, cpm divided by 1,000).
/// Ratios are rounded to <see cref="RatioDecimals"/> places; spend itself is never rounded.
/// </summary>
public static class SpendCalculator
{
    public const int RatioDecimals = 6;

    public static SpendView? Of(CampaignMetadata? metadata, KpiCounters counters) =>
        Of(metadata, counters[EventType.Impression], counters[EventType.Click], counters[EventType.Conversion], counters.ConversionValue);

    /// <summary>From an answer's totals by wire name (a window of the insights grain's view).</summary>
    public static SpendView? Of(CampaignMetadata? metadata, IReadOnlyDictionary<string, long> totals, double conversionValue) =>
        Of(metadata, Count(totals, EventType.Impression), Count(totals, EventType.Click), Count(totals, EventType.Conversion), conversionValue);

    public static SpendView? Of(CampaignMetadata? metadata, long impressions, long clicks, long conversions, double conversionValue)
    {
        if (metadata?.CostModel is not { } cost)
        {
            return null;
        }

        var spend = SpendOf(cost, impressions, clicks);
        return new SpendView
        {
            Currency = metadata.Currency,
            Spend = spend,
            CostPerClick = clicks > 0 ? Math.Round(spend / clicks, RatioDecimals) : null,
            CostPerConversion = conversions > 0 ? Math.Round(spend / conversions, RatioDecimals) : null,
            ReturnOnAdSpend = spend > 0 ? Math.Round(conversionValue / (double)spend, RatioDecimals) : null,
        };
    }

    public static decimal SpendOf(CostModel cost, long impressions, long clicks) =>
        cost.Kind == CostModel.PerClick ? clicks * cost.Price : impressions * cost.Price / 1000m;

    private static long Count(IReadOnlyDictionary<string, long> totals, EventType type) =>
        totals.TryGetValue(type.ToWireName(), out var count) ? count : 0;
}
