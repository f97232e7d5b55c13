using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Archive.Erasure;
using StreamingMarketing.Archive.Segments;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Archive.Writing;

/// <summary>
/// The silo's one archive writer: campaign grains hand it the events they counted (after their dedupe), it gathers
/// them for <see cref="ArchiveOptions.FlushInterval"/> and writes one segment per hour the events fall in. A failed
/// write keeps its events and is tried again; whoever waits for them (persistent profiles) waits until it succeeds.
/// Retention runs on the same loop. The loop is the writer's, not any grain's: a grain turn only enqueues, or awaits
/// a write already under way.
/// </summary>
public sealed class ArchiveWriter(
    IArchiveStore store, IOptions<ArchiveOptions> options, TimeProvider clock, ILogger<ArchiveWriter> logger, ArchiveSuppression? suppression = null) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly ArchiveOptions options = options.Value;
    private readonly Lock gate = new();

    // Unique per process: segment names of two silos, or of one silo before and after a restart, never collide.
    private readonly string writerId = $"w{Guid.NewGuid():N}"[..13];
    private List<ArchivedEvent> pending = [];
    private TaskCompletionSource written = NewSignal();
    private TaskCompletionSource room = NewSignal();
    private readonly SemaphoreSlim due = new(0);
    private long sequence;
    private DateTime nextRetentionCheck;

    public IArchiveStore Store => store;

    /// <summary>Events written so far by this writer (a metric and a test hook).</summary>
    public long Written { get; private set; }

    /// <summary>
    /// Queues <paramref name="events"/> and returns a task that completes once they are in a written segment. Callers
    /// that acknowledge on it (persistent streams) await it; the embedded profile, whose memory streams lose their
    /// queues in a crash anyway, does not. Waits first while the queue is past <see cref="ArchiveOptions.MaxQueuedEvents"/>.
    /// </summary>
    public async Task<Task> AppendAsync(IReadOnlyList<InteractionEvent> events)
    {
        if (events.Count == 0)
        {
            return Task.CompletedTask;
        }

        while (true)
        {
            Task wait;
            lock (gate)
            {
                if (pending.Count < options.MaxQueuedEvents)
                {
                    foreach (var e in events)
                    {
                        pending.Add(ArchivedEvent.From(e));
                    }

                    if (pending.Count >= options.MaxSegmentEvents)
                    {
                        due.Release();
                    }

                    return written.Task;
                }

                wait = room.Task;
            }

            await wait;
        }
    }

    /// <summary>Writes everything queued now (a clean stop, tests); returns once it is written.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task done;
            lock (gate)
            {
                if (pending.Count == 0)
                {
                    return;
                }

                done = written.Task;
            }

            due.Release();
            await done.WaitAsync(cancellationToken);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is FileArchiveStore files && files.DeleteTemporaryFiles() is > 0 and var removed)
        {
            logger.LogWarning("Removed {Count} archive segments a crash cut short before they were complete", removed);
        }

        nextRetentionCheck = clock.GetUtcNow().UtcDateTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await due.WaitAsync(options.FlushInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            await WriteQueuedAsync(stoppingToken);
            await ApplyRetentionAsync(stoppingToken);
        }

        // Stopping: what campaign grains handed over last (the silo's drain writes their state first) is written too.
        await WriteQueuedAsync(CancellationToken.None);
    }

    private async Task WriteQueuedAsync(CancellationToken cancellationToken)
    {
        List<ArchivedEvent> batch;
        TaskCompletionSource signal;
        TaskCompletionSource freed;
        lock (gate)
        {
            if (pending.Count == 0)
            {
                return;
            }

            (batch, pending) = (pending, []);
            (signal, written) = (written, NewSignal());
            (freed, room) = (room, NewSignal());
        }

        freed.TrySetResult();
        if (suppression is not null && batch.RemoveAll(e => suppression.Drops(e.UserId)) is > 0 and var dropped)
        {
            ArchiveMetrics.ErasedDropped.Add(dropped);
        }

        while (true)
        {
            try
            {
                foreach (var hour in batch.GroupBy(e => SegmentName.HourOf(e.Timestamp)).OrderBy(g => g.Key))
                {
                    foreach (var chunk in hour.Chunk(options.MaxSegmentEvents))
                    {
                        var name = new SegmentName(hour.Key, writerId, Interlocked.Increment(ref sequence), chunk.Length);
                        await store.PutAsync(name.Path, await SegmentFormat.WriteAsync(chunk, cancellationToken), cancellationToken);
                    }
                }

                Written += batch.Count;
                ArchiveMetrics.EventsArchived.Add(batch.Count);
                signal.TrySetResult();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Segments written before the failure are written again with the rest: readers drop the repeats by id.
                ArchiveMetrics.WriteFailures.Add(1);
                logger.LogError(exception, "Could not write {Count} events to the archive at {Store}; trying again", batch.Count, store.Describe());
                await Task.Delay(RetryDelay, CancellationToken.None);
            }
        }
    }

    private async Task ApplyRetentionAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < nextRetentionCheck)
        {
            return;
        }

        nextRetentionCheck = now + options.RetentionCheckInterval;
        try
        {
            var deleted = await DeleteExpiredAsync(store, now - TimeSpan.FromDays(options.RetentionDays), cancellationToken);
            if (deleted > 0)
            {
                logger.LogInformation("Archive retention deleted {Count} segments older than {Days} days", deleted, options.RetentionDays);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "Archive retention could not run; it tries again in {Interval}", options.RetentionCheckInterval);
        }
    }

    /// <summary>Deletes the segments of every hour that ended before <paramref name="cutoff"/>.</summary>
    public static async Task<int> DeleteExpiredAsync(IArchiveStore store, DateTime cutoff, CancellationToken cancellationToken = default)
    {
        var expired = new List<string>();
        await foreach (var path in store.ListAsync(SegmentName.Root + "/", cancellationToken))
        {
            if (SegmentName.TryParse(path, out var name) && name!.Hour.AddHours(1) <= cutoff)
            {
                expired.Add(path);
            }
        }

        foreach (var path in expired)
        {
            await store.DeleteAsync(path, cancellationToken);
        }

        return expired.Count;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
