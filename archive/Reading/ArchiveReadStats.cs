namespace StreamingMarketing.Archive.Reading;

/// <summary>What a read went through: segments read and skipped as torn, rows returned and repeats dropped.</summary>
public sealed class ArchiveReadStats
{
    public int Segments { get; internal set; }
    public List<string> TornSegments { get; } = [];
    public long Events { get; internal set; }

    /// <summary>Rows of an event id already read in the same campaign: a redelivery archived again before its count was written.</summary>
    public long Duplicates { get; internal set; }
}
