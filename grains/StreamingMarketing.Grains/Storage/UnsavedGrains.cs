using System.Collections.Concurrent;
using StreamingMarketing.Contracts.Grains;

namespace StreamingMarketing.Grains.Storage;

/// <summary>
/// The activations on this silo holding state changes not yet written, with when each became unsaved. The
/// <see cref="UnsavedStateFlusher"/> tells each to write once its interval has passed, and a clean shutdown flushes
/// them all: one silo-wide loop instead of a timer per grain, which at 100,000 user grains was most of their memory.
/// </summary>
public sealed class UnsavedGrains(TimeProvider clock)
{
    private readonly ConcurrentDictionary<GrainId, Entry> grains = new();

    public int Count => grains.Count;

    /// <param name="holdsOutbox">The grain releases outbox parts when it writes (see <see cref="FlushOutboxHoldersAsync"/>).</param>
    public void Add(GrainId id, IFlushableGrain grain, TimeSpan interval, bool holdsOutbox) =>
        grains.TryAdd(id, new Entry(grain, clock.GetUtcNow().UtcDateTime + interval, holdsOutbox));

    public void Remove(GrainId id) => grains.TryRemove(id, out _);

    /// <summary>Grains whose write is due, at most <paramref name="limit"/>; each is handed out once until it re-registers.</summary>
    public List<IFlushableGrain> TakeDue(int limit)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = new List<IFlushableGrain>();
        foreach (var (id, entry) in grains)
        {
            if (due.Count == limit)
            {
                break;
            }

            if (entry.DueAt <= now && grains.TryRemove(new KeyValuePair<GrainId, Entry>(id, entry)))
            {
                due.Add(entry.Grain);
            }
        }

        return due;
    }

    public Task FlushAllAsync() => Task.WhenAll(grains.Values.Select(entry => entry.Grain.FlushAsync()));

    /// <summary>Writes only the grains whose write releases outbox parts: what moves events on, not what keeps them.</summary>
    public Task FlushOutboxHoldersAsync() =>
        Task.WhenAll(grains.Values.Where(entry => entry.HoldsOutbox).Select(entry => entry.Grain.FlushAsync()));

    private sealed record Entry(IFlushableGrain Grain, DateTime DueAt, bool HoldsOutbox);
}
