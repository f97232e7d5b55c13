using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Storage;

/// <summary>
/// Coalesces a grain's state writes: mutations mark the state dirty and a grain timer writes it at most once per
/// interval, so a grain that applies thousands of events a second writes once a second, not thousands of times.
/// </summary>
public sealed class CoalescedStateWriter<TState>(IPersistentState<TState> state, string grainKind)
{
    private bool dirty;

    public bool IsDirty => dirty;

    public void MarkDirty() => dirty = true;

    public Task WriteIfDirtyAsync() => dirty ? WriteNowAsync() : Task.CompletedTask;

    public async Task WriteNowAsync()
    {
        // Cleared before the write: a mutation that lands while the write is in flight marks it dirty again.
        dirty = false;
        try
        {
            await PipelineMetrics.TimeStateWriteAsync(grainKind, state.WriteStateAsync);
        }
        catch
        {
            dirty = true;
            throw;
        }
    }
}
