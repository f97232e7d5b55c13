using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Alerts;

[GenerateSerializer]
public sealed class AlertRegistryState
{
    /// <summary>Resolved alerts kept for <c>GET /api/alerts?state=resolved</c>, newest first; older ones are forgotten.</summary>
    public const int KeptResolved = 1_000;

    /// <summary>Open alerts by id. Bounded in practice: each campaign holds at most one per rule.</summary>
    [Id(0)] public Dictionary<string, AlertView> Open { get; set; } = [];
    [Id(1)] public List<AlertView> Resolved { get; set; } = [];
}
