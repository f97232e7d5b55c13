namespace StreamingMarketing.Contracts.Experiments;

/// <summary>The per-impression rates an A/B test of creatives can compare; every one is successes / impressions.</summary>
public enum VariantMetric
{
    Ctr,
    EngagementRate,
    ConversionRate,
}

public static class VariantMetrics
{
    public static readonly string[] WireNames = ["ctr", "engagementRate", "conversionRate"];

    public static string ToWireName(this VariantMetric metric) => WireNames[(int)metric];

    public static bool TryParse(string? value, out VariantMetric metric)
    {
        var index = Array.FindIndex(WireNames, name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));
        metric = index < 0 ? default : (VariantMetric)index;
        return index >= 0;
    }
}
