using Microsoft.Extensions.Logging;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Erasure;

/// <summary>
/// The suppression list and the erasures still open. Every gateway and silo polls it, so it activates soon after any
/// restart; on activation it wakes each open request, whose grain goes on with its passes.
/// </summary>
public sealed class ErasedUsersGrain(
    [PersistentState("erased-users", StorageNames.GrainState)] IPersistentState<ErasedUsersState> state,
    ILogger<ErasedUsersGrain> logger) : Grain, IErasedUsersGrain
{
    private ErasedUsersSnapshot? snapshot;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.OpenRequests.Count > 0)
        {
            // Woken from a timer, not from activation: an erasure's pass calls back here, and activation must not wait on it.
            this.RegisterGrainTimer(ResumeOpenRequestsAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }

        return Task.CompletedTask;
    }

    public async Task AddAsync(string requestId, string[] fingerprints)
    {
        var added = fingerprints.Where(f => !state.State.Fingerprints.Contains(f)).ToList();
        if (added.Count == 0 && state.State.OpenRequests.Contains(requestId))
        {
            return;
        }

        state.State.Fingerprints.UnionWith(added);
        state.State.OpenRequests.Add(requestId);
        if (added.Count > 0)
        {
            state.State.Version++;
            snapshot = null;
        }

        await state.WriteStateAsync();
    }

    public async Task CompleteAsync(string requestId)
    {
        if (state.State.OpenRequests.Remove(requestId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<ErasedUsersSnapshot?> GetIfNewerAsync(long knownVersion)
    {
        if (knownVersion == state.State.Version)
        {
            return Task.FromResult<ErasedUsersSnapshot?>(null);
        }

        snapshot ??= new ErasedUsersSnapshot(state.State.Version, [.. state.State.Fingerprints]);
        return Task.FromResult<ErasedUsersSnapshot?>(snapshot);
    }

    private async Task ResumeOpenRequestsAsync()
    {
        foreach (var requestId in state.State.OpenRequests.ToList())
        {
            try
            {
                await GrainFactory.GetGrain<IErasureGrain>(requestId).ResumeAsync();
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Could not resume erasure {RequestId}; it is tried again when this list next activates", requestId);
            }
        }

        logger.LogInformation("Resumed {Count} open erasures", state.State.OpenRequests.Count);
    }
}
