namespace StreamingMarketing.Contracts.Insights;

/// <summary>
/// Trends across all campaigns, key <see cref="Key"/>. Campaign grains send it what they counted every few seconds
/// (one call per campaign, not per event), so one activation keeps up with the whole stream.
/// </summary>
public interface ITrendsGrain : IGrainWithStringKey
{
    public const string Key = "all";

    /// <summary>One-way: trends must never hold up a campaign's stream.</summary>
    [OneWay]
    Task AddAsync(TrendCounts counts);

    [AlwaysInterleave]
    Task<TrendsView> GetAsync(TrendWindow window, int top);
}

/// <summary>Counts per item and minute of event time (minute start in ticks), hashtags and keywords apart.</summary>
[GenerateSerializer, Immutable]
public sealed record TrendCounts(
    [property: Id(0)] Dictionary<(string Item, long Minute), long> Hashtags,
    [property: Id(1)] Dictionary<(string Item, long Minute), long> Keywords);
