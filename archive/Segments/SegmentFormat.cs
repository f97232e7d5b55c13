using Parquet;
using Parquet.Serialization;

namespace StreamingMarketing.Archive.Segments;

/// <summary>Writes and reads one segment: a Parquet file of <see cref="ArchivedEvent"/> rows.</summary>
public static class SegmentFormat
{
    private const string RowsKey = "streamingmarketing.rows";

    public static async Task<byte[]> WriteAsync(IReadOnlyCollection<ArchivedEvent> rows, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await ParquetSerializer.SerializeAsync(rows, buffer, new ParquetOptions(), new Dictionary<string, string> { [RowsKey] = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// The segment's rows, or a <see cref="TornSegmentException"/> when the bytes are not a whole Parquet file (a
    /// write cut short leaves no footer) or hold another number of rows than the name promises.
    /// </summary>
    public static async Task<IList<ArchivedEvent>> ReadAsync(Stream source, int expectedRows, string path, CancellationToken cancellationToken = default)
    {
        DeserializationResult<ArchivedEvent> read;
        try
        {
            read = await ParquetSerializer.DeserializeAsync<ArchivedEvent>(source, new ParquetOptions(), cancellationToken: cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or InvalidDataException or ArgumentException or InvalidOperationException or FormatException or NotSupportedException or IndexOutOfRangeException)
        {
            throw new TornSegmentException(path, exception.Message, exception);
        }

        var rows = read.Data;
        var promised = read.CustomMetadata?.GetValueOrDefault(RowsKey);
        if (rows.Count != expectedRows || promised != expectedRows.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new TornSegmentException(path, $"holds {rows.Count} rows (footer: {promised ?? "none"}) where its name says {expectedRows}");
        }

        return rows;
    }
}

/// <summary>A segment that is not what a finished write leaves: skipped by readers, reported, never read as data.</summary>
public sealed class TornSegmentException(string path, string reason, Exception? inner = null)
    : Exception($"Archive segment {path} is torn: {reason}", inner)
{
    public string SegmentPath { get; } = path;
}
