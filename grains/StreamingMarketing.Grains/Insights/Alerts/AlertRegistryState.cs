using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Alerts;

[GenerateSerializer]
public sealed class AlertRegistryState
{
    /// <summary>Resolved alerts kept per shard for <c>GET /api/alerts?state=resolved</c>, newest first; older ones are forgotten.</summary>
    public const int KeptResolved = 1_000;

    /// <summary>Open alerts by id. Bounded by the shard's campaigns: each holds at most one per rule.</summary>
    [Id(0)] public Dictionary<string, AlertView> Open { get; set; } = [];
    [Id(1)] public List<AlertView> Resolved { get; set; } = [];
}
