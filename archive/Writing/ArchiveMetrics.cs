using System.Diagnostics.Metrics;

namespace StreamingMarketing.Archive.Writing;

/// <summary>The archive writer's instruments, on the product meter the hosts export. No tags: nothing here needs one.</summary>
public static class ArchiveMetrics
{
    private static readonly Meter Meter = new("StreamingMarketing");

    public static readonly Counter<long> EventsArchived = Meter.CreateCounter<long>(
        "streamingmarketing.archive.events", "{event}", "Accepted events written to the event archive.");

    public static readonly Counter<long> WriteFailures = Meter.CreateCounter<long>(
        "streamingmarketing.archive.write.failures", "{write}", "Archive segment writes that failed and are tried again.");

    public static readonly Counter<long> EventsErased = Meter.CreateCounter<long>(
        "streamingmarketing.archive.events.erased", "{event}", "Archived events of erased users taken out of their segments.");

    public static readonly Counter<long> ErasedDropped = Meter.CreateCounter<long>(
        "streamingmarketing.archive.erased.dropped", "{event}", "Events of erased users the writer dropped instead of archiving.");
}
