using Microsoft.Extensions.Logging;
using StreamingMarketing.Archive.Segments;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Archive.Writing;

namespace StreamingMarketing.Archive.Erasure;

/// <summary>
/// Takes erased users' events out of this silo's archive: every segment holding one is written again without them
/// (through the store's own whole-or-nothing put, under a new name, since the row count is part of the name) and the
/// old one deleted; a segment left with no events is just deleted. A crash between the put and the delete leaves both,
/// which readers read once per event id, and the erasure's next pass rewrites the old one again.
/// </summary>
public sealed class ArchiveEraser(ArchiveWriter writer, ILogger<ArchiveEraser> logger) : IDisposable
{
    /// <summary>How long a pass waits for the writer's queue before it fails and the erasure tries again.</summary>
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(20);

    // Rewritten segments carry this eraser's own writer id, so their names never collide with a writer's or an
    // earlier rewrite's, even when a crash left the previous rewrite of the same segment behind.
    private readonly string writerId = $"e{Guid.NewGuid():N}"[..13];
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private long sequence;

    private IArchiveStore Store => writer.Store;

    /// <summary>Rewrites the segments that hold events of <paramref name="userIds"/> (stored ids); answers how many events went.</summary>
    public async Task<long> EraseUsersAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0)
        {
            return 0;
        }

        var erased = userIds.ToHashSet(StringComparer.Ordinal);

        // Events still queued in the writer are written first, so this pass sees them in segments.
        using (var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            flush.CancelAfter(FlushTimeout);
            await writer.FlushAsync(flush.Token);
        }

        // Two erasures rewriting the same segment at once would each keep the other's user.
        await oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var paths = new List<string>();
            await foreach (var path in Store.ListAsync(SegmentName.Root + "/", cancellationToken))
            {
                paths.Add(path);
            }

            long removed = 0;
            foreach (var path in paths)
            {
                if (SegmentName.TryParse(path, out var name))
                {
                    removed += await RewriteAsync(name!, path, erased, cancellationToken);
                }
            }

            return removed;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    private async Task<int> RewriteAsync(SegmentName name, string path, HashSet<string> erased, CancellationToken cancellationToken)
    {
        IList<ArchivedEvent> rows;
        try
        {
            await using var stream = await Store.OpenAsync(path, cancellationToken);
            rows = await SegmentFormat.ReadAsync(stream, name.Rows, path, cancellationToken);
        }
        catch (TornSegmentException torn)
        {
            // Unreadable, so it cannot be filtered; readers skip it too. Ops decide whether to delete it.
            logger.LogWarning("Erasure could not look into a torn archive segment: {Reason}", torn.Message);
            return 0;
        }

        var kept = rows.Where(row => !erased.Contains(row.UserId)).ToList();
        var removed = rows.Count - kept.Count;
        if (removed == 0)
        {
            return 0;
        }

        if (kept.Count > 0)
        {
            var rewritten = new SegmentName(name.Hour, writerId, Interlocked.Increment(ref sequence), kept.Count);
            await Store.PutAsync(rewritten.Path, await SegmentFormat.WriteAsync(kept, cancellationToken), cancellationToken);
        }

        await Store.DeleteAsync(path, cancellationToken);
        ArchiveMetrics.EventsErased.Add(removed);
        return removed;
    }

    public void Dispose() => oneAtATime.Dispose();
}
