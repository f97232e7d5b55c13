using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Storage;

/// <summary>
/// Coalesces a grain's state writes: the first mutation after a write arms a one-shot grain timer, and the timer
/// writes everything that changed meanwhile. A grain applying thousands of events a second writes once per
/// interval, and an idle grain costs no timer ticks at all (tens of thousands of user grains stay cheap).
/// Unsaved grains are listed in <see cref="UnsavedGrains"/> so a clean shutdown can flush them.
/// </summary>
public sealed class CoalescedStateWriter<TState>(IPersistentState<TState> state, string grainKind, TimeSpan interval, UnsavedGrains unsaved)
{
    private IGrainTimer? timer;
    private GrainId grainId;
    private IFlushableGrain? self;
    private bool dirty;

    public bool IsDirty => dirty;

    /// <summary>Call from OnActivateAsync: the timer must belong to the grain so its callback runs as a grain turn.</summary>
    public void Attach(Grain grain)
    {
        grainId = grain.GetGrainId();
        self = grain.AsReference<IFlushableGrain>();
        timer = grain.RegisterGrainTimer(WriteIfDirtyAsync, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void MarkDirty()
    {
        if (dirty)
        {
            return;
        }

        dirty = true;
        timer?.Change(interval, Timeout.InfiniteTimeSpan);
        if (self is not null)
        {
            unsaved.Add(grainId, self);
        }
    }

    public Task WriteIfDirtyAsync() => dirty ? WriteNowAsync() : Task.CompletedTask;

    public async Task WriteNowAsync()
    {
        // Cleared before the write: a mutation that lands while the write is in flight re-arms the timer.
        dirty = false;
        try
        {
            await PipelineMetrics.TimeStateWriteAsync(grainKind, state.WriteStateAsync);
            if (!dirty)
            {
                unsaved.Remove(grainId);
            }
        }
        catch
        {
            MarkDirty();
            throw;
        }
    }
}
