using Orleans.Core;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Storage;

/// <summary>
/// Coalesces a grain's state writes: the first mutation after a write registers the grain in <see cref="UnsavedGrains"/>,
/// and <see cref="UnsavedStateFlusher"/> asks it to write once the interval has passed, taking everything that changed
/// meanwhile. A grain applying thousands of events a second writes once per interval; an idle grain costs nothing.
/// </summary>
public sealed class CoalescedStateWriter<TState>(IStorage<TState> state, string grainKind, TimeSpan interval, UnsavedGrains unsaved)
{
    // The grain, not its id and a reference: one field per activation instead of a copy of each, since every user
    // profile holds a writer; the reference is made when the grain first changes after a write.
    private Grain? grain;
    private bool dirty;

    public bool IsDirty => dirty;

    /// <summary>Call from OnActivateAsync, where the grain's identity and reference are available.</summary>
    public void Attach(Grain grain)
    {
        this.grain = grain;
    }

    public void MarkDirty()
    {
        if (dirty)
        {
            return;
        }

        dirty = true;
        if (grain is not null)
        {
            unsaved.Add(grain.GetGrainId(), grain.AsReference<IFlushableGrain>(), interval, grain is IOutboxSource);
        }
    }

    /// <summary>Forgets unsaved changes: the state they belong to was deleted (an erasure).</summary>
    public void Discard()
    {
        dirty = false;
        Unregister();
    }

    public Task WriteIfDirtyAsync() => dirty ? WriteNowAsync() : Task.CompletedTask;

    /// <summary>
    /// Makes a change that must be durable before anyone hears of it (a manager's edit): written at once, and undone
    /// if the write fails, so the caller's retry is saved whole instead of finding the change already there.
    /// </summary>
    public async Task SaveChangeAsync(Action change, Action undo)
    {
        change();
        try
        {
            await WriteNowAsync();
        }
        catch
        {
            undo();
            throw;
        }
    }

    public async Task WriteNowAsync()
    {
        // Cleared before the write: a mutation that lands while the write is in flight registers the grain again.
        dirty = false;
        Unregister();
        try
        {
            await PipelineMetrics.TimeStateWriteAsync(grainKind, state.WriteStateAsync);
        }
        catch
        {
            MarkDirty();
            throw;
        }
    }

    private void Unregister()
    {
        if (grain is not null)
        {
            unsaved.Remove(grain.GetGrainId());
        }
    }
}
