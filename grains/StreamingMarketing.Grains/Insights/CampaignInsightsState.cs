using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Grains.Insights.Influence;
using StreamingMarketing.Grains.Insights.Segments;
using StreamingMarketing.Grains.Insights.Trends;
using StreamingMarketing.Grains.Outbox;

namespace StreamingMarketing.Grains.Insights;

/// <summary>
/// A campaign's insights grain state, each piece bounded: trend sketches (6 × 100 counters), alert drivers (6 × 64), alerts (≤ 3 open,
/// 20 resolved), post authors (5,000), influencers (200), segment day cells (≤ 2 × 41 × 3 counters), three windows, 720 hours of history (31,680 bytes),
/// the most negative comments, texts waiting for a score (<see cref="AggregationOptions.MaxPendingTexts"/>).
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

    /// <summary>Event counts and sentiment by event time (the campaign answer's windows, and what alert rules read).</summary>
    [Id(5)] public EventWindows Windows { get; set; } = new();

    /// <summary>Only the sentiment counters are used: the campaign grain counts events.</summary>
    [Id(6)] public KpiCounters Sentiment { get; set; } = new();
    [Id(7)] public List<NegativeComment> MostNegative { get; set; } = [];
    [Id(8)] public List<PendingText> PendingTexts { get; set; } = [];
    [Id(9)] public CampaignMetadata? Metadata { get; set; }
    [Id(10)] public DateTime? FirstEventAt { get; set; }

    /// <summary>The last campaign part applied: parts numbered at or below it are resends.</summary>
    [Id(11)] public long LastCampaignPart { get; set; }

    /// <summary>The number the next sentiment part for a user gets (see <see cref="PartNumbering"/>).</summary>
    [Id(12)] public long NextPartSequence { get; set; }
    [Id(13)] public PendingParts<UserPart> UserParts { get; set; } = new();

    /// <summary>Author, platform and post bursts (and those of negative texts) that alerts name as their drivers.</summary>
    [Id(14)] public DriverSketches Drivers { get; set; } = new();

    /// <summary>The last 30 days by the hour, per event type and scored sentiment: what forecasts and anomaly alerts read.</summary>
    [Id(15)] public HourlySeries History { get; set; } = new();
}
