using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Experiments;
using StreamingMarketing.Grains.Outbox;

namespace StreamingMarketing.Grains.Campaigns;

[GenerateSerializer]
public sealed class CampaignState
{
    [Id(0)] public KpiCounters Totals { get; set; } = new();
    [Id(1)] public long[] ByPlatform { get; set; } = new long[Platforms.All.Length];
    [Id(3)] public UniqueCounter Users { get; set; } = new();
    [Id(4)] public TopK Hashtags { get; set; } = new(capacity: 200);
    [Id(5)] public TopK Posts { get; set; } = new(capacity: 200);
    [Id(6)] public RecentEventIds Applied { get; set; } = new(capacity: 0);
    [Id(8)] public DateTime? FirstEventAt { get; set; }
    [Id(9)] public DateTime? LastEventAt { get; set; }
    [Id(10)] public DateTime UpdatedAt { get; set; }
    [Id(11)] public long DuplicatesDropped { get; set; }
    [Id(12)] public bool Registered { get; set; }
    [Id(14)] public CampaignMetadata? Metadata { get; set; }

    /// <summary>The number the next outbox part gets (see <see cref="PartNumbering"/>).</summary>
    [Id(16)] public long NextPartSequence { get; set; }
    [Id(17)] public PendingParts<UserPart> UserParts { get; set; } = new();
    [Id(18)] public PendingParts<InsightsPart> InsightsParts { get; set; } = new();

    /// <summary>Per-variant counts for A/B tests: here, not in the insights grain, so they share this state's dedupe and stay exact.</summary>
    [Id(19)] public VariantTally Variants { get; set; } = new();

    /// <summary>Never received an event.</summary>
    public bool IsEmpty => FirstEventAt is null;

    /// <summary>Nothing to show: no event and no metadata.</summary>
    public bool IsUnknown => IsEmpty && Metadata is null;
}
