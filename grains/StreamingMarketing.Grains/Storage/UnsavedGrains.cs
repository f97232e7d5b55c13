using System.Collections.Concurrent;
using StreamingMarketing.Contracts.Grains;

namespace StreamingMarketing.Grains.Storage;

/// <summary>
/// The activations on this silo holding state changes not yet written. A clean shutdown flushes them all before
/// Orleans stops, instead of trusting each activation's last timer tick to come in time.
/// </summary>
public sealed class UnsavedGrains
{
    private readonly ConcurrentDictionary<GrainId, IFlushableGrain> grains = new();

    public int Count => grains.Count;

    public void Add(GrainId id, IFlushableGrain grain) => grains[id] = grain;

    public void Remove(GrainId id) => grains.TryRemove(id, out _);

    public Task FlushAllAsync() => Task.WhenAll(grains.Values.Select(grain => grain.FlushAsync()));
}
