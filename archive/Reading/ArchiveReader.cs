using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamingMarketing.Archive.Segments;
using StreamingMarketing.Archive.Stores;

namespace StreamingMarketing.Archive.Reading;

/// <summary>
/// Reads the archive hour by hour, oldest first. Exactly once is decided here: a writer may archive an event twice
/// (a stream redelivers it after a crash between the archive write and the campaign's own), and both rows carry the
/// same event id, campaign and timestamp, so they sit in the same hour and the second is dropped. Torn segments are
/// skipped and listed in <see cref="ArchiveReadStats.TornSegments"/>.
/// </summary>
public sealed class ArchiveReader(IArchiveStore store, ILogger? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger.Instance;

    public ArchiveReadStats Stats { get; private set; } = new();

    /// <summary>The segments the query covers, grouped by hour, oldest hour first.</summary>
    public async Task<List<(DateTime Hour, List<SegmentName> Segments)>> ListAsync(ArchiveQuery query, CancellationToken cancellationToken = default)
    {
        var hours = new SortedDictionary<DateTime, List<SegmentName>>();
        await foreach (var path in store.ListAsync(SegmentName.Root + "/", cancellationToken))
        {
            if (SegmentName.TryParse(path, out var name) && query.Covers(name!.Hour))
            {
                if (!hours.TryGetValue(name.Hour, out var list))
                {
                    hours[name.Hour] = list = [];
                }

                list.Add(name);
            }
        }

        return [.. hours.Select(pair => (pair.Key, pair.Value.OrderBy(s => s.Writer, StringComparer.Ordinal).ThenBy(s => s.Sequence).ToList()))];
    }

    public async IAsyncEnumerable<ArchivedEvent> ReadAsync(ArchiveQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Stats = new ArchiveReadStats();
        foreach (var (_, segments) in await ListAsync(query, cancellationToken))
        {
            var seen = new HashSet<(string Campaign, string EventId)>();
            foreach (var segment in segments)
            {
                IList<ArchivedEvent> rows;
                try
                {
                    await using var stream = await store.OpenAsync(segment.Path, cancellationToken);
                    rows = await SegmentFormat.ReadAsync(stream, segment.Rows, segment.Path, cancellationToken);
                }
                catch (TornSegmentException torn)
                {
                    logger.LogError("Skipping a torn archive segment: {Reason}", torn.Message);
                    Stats.TornSegments.Add(segment.Path);
                    continue;
                }

                Stats.Segments++;
                foreach (var row in rows)
                {
                    row.Timestamp = DateTime.SpecifyKind(row.Timestamp, DateTimeKind.Utc);
                    row.ReceivedAt = DateTime.SpecifyKind(row.ReceivedAt, DateTimeKind.Utc);
                    if (!query.Matches(row))
                    {
                        continue;
                    }

                    if (!seen.Add((row.CampaignId, row.EventId)))
                    {
                        Stats.Duplicates++;
                        continue;
                    }

                    Stats.Events++;
                    yield return row;
                }
            }
        }
    }
}
