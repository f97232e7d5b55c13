using Orleans.Storage;

namespace StreamingMarketing.Tests.Durability;

/// <summary>
/// Grain storage that refuses every write of the named states while its window is open, as a storage account does
/// during an outage; reads and writes outside the window go to the real storage underneath.
/// </summary>
public sealed class FailingWritesWindow(IGrainStorage inner, params string[] stateNames) : IGrainStorage
{
    private int refused;
    private volatile bool open;

    public int Refused => Volatile.Read(ref refused);

    public void Open() => open = true;

    public void Close() => open = false;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (open && stateNames.Contains(stateName))
        {
            Interlocked.Increment(ref refused);
            throw new IOException($"storage refuses writes of '{stateName}' (test outage)");
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
