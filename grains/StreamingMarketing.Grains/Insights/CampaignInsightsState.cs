using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Grains.Insights.Influence;
using StreamingMarketing.Grains.Insights.Segments;
using StreamingMarketing.Grains.Insights.Trends;

namespace StreamingMarketing.Grains.Insights;

/// <summary>
/// The insights part of a campaign's state, each piece bounded: trend sketches (6 × 100 counters), alerts (≤ 3 open,
/// 20 resolved), post authors (5,000), influencers (200), segment day cells (≤ 2 × 41 × 3 counters).
/// </summary>
[GenerateSerializer]
public sealed class CampaignInsightsState
{
    public const int TrendCapacity = 100;

    [Id(0)] public TrendState Trends { get; set; } = TrendState.Create(TrendCapacity);
    [Id(1)] public AlertBook Alerts { get; set; } = new();
    [Id(2)] public PostAuthors Posts { get; set; } = new();
    [Id(3)] public InfluencerBoard Influencers { get; set; } = new();
    [Id(4)] public SegmentTally Segments { get; set; } = new();
}
