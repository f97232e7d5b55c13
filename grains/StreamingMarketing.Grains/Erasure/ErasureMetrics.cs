using System.Diagnostics.Metrics;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Erasure;

/// <summary>Erasure instruments on the "StreamingMarketing" meter; no tags, so never an id.</summary>
internal static class ErasureMetrics
{
    private static readonly Meter Meter = new(PipelineMetrics.MeterName);

    public static readonly Counter<long> Started = Meter.CreateCounter<long>(
        "streamingmarketing.erasures.started", "{request}", "Erasure requests started (DELETE of a user or a person).");

    public static readonly Counter<long> Completed = Meter.CreateCounter<long>(
        "streamingmarketing.erasures.completed", "{request}", "Erasure requests whose every pass completed.");

    public static readonly Counter<long> ItemsRemoved = Meter.CreateCounter<long>(
        "streamingmarketing.erasure.items.removed", "{item}", "Stored items naming an erased user that erasures removed (comments, influencer entries, alert drivers, feedback, dead letters).");
}
