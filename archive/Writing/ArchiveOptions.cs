namespace StreamingMarketing.Archive.Writing;

/// <summary>The event archive; bound from configuration section <c>Archive</c>.</summary>
public sealed class ArchiveOptions
{
    public const string SectionName = "Archive";

    /// <summary>Archive every accepted event (after dedupe) under the data dir or in the blob container.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Hours whose events are older than this (event time) are deleted; replay and training read what is left.</summary>
    public int RetentionDays { get; set; } = 400;

    /// <summary>How often retention looks for hours past <see cref="RetentionDays"/>.</summary>
    public TimeSpan RetentionCheckInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long accepted events gather before they are written as one segment per hour they fall in.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A segment holds at most this many events; a fuller queue is written at once.</summary>
    public int MaxSegmentEvents { get; set; } = 50_000;

    /// <summary>Events waiting to be written; beyond it, campaign grains wait before counting more (back-pressure, never loss).</summary>
    public int MaxQueuedEvents { get; set; } = 200_000;

    /// <summary>Azure profiles: the blob container of the segments.</summary>
    public string BlobContainer { get; set; } = "event-archive";
}
