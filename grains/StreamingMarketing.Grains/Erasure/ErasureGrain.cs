using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Archive.Erasure;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.DeadLetters;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Erasure;

/// <summary>
/// One erasure request, run in <see cref="ErasurePasses.Total"/> passes on a grain timer, <see
/// cref="ErasureOptions.ErasureSettleTime"/> apart: the user grains (and the person), then every campaign they named
/// (its insights grain and alert shard), the feedback store, the dead letters and this silo's event archive. Events
/// already past the gateway when the request came land during the settle time and are caught by the second pass; later
/// ones are suppressed (and dropped by the archive writer). The state after each pass is written, so a restart goes on
/// from the next pass (<see cref="ErasedUsersGrain"/> wakes it).
/// </summary>
public sealed class ErasureGrain(
    [PersistentState("erasure", StorageNames.GrainState)] IPersistentState<ErasureState> state,
    IOptions<ErasureOptions> options,
    TimeProvider clock,
    ILogger<ErasureGrain> logger,
    IDeadLetterSink? deadLetters = null,
    ArchiveEraser? archive = null) : Grain, IErasureGrain
{
    /// <summary>A pass that failed part-way (a grain or store unreachable) is run again whole after this long.</summary>
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    private IGrainTimer? timer;

    private string RequestId => this.GetPrimaryKeyString();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.RequestedAt is not null && state.State.CompletedAt is null)
        {
            var due = state.State.NextPassAt is { } at && at > Now ? at - Now : TimeSpan.Zero;
            ArmTimer(due);
        }

        return Task.CompletedTask;
    }

    public async Task<ErasureStatus> StartAsync(string[] storedUserIds, string? personId)
    {
        if (state.State.RequestedAt is not null)
        {
            return Status();
        }

        var ids = storedUserIds.Distinct(StringComparer.Ordinal).ToList();
        var fingerprints = ids.Select(ErasureFingerprint.Of).ToArray();

        // Listed as open first: a crash after this leaves a request that is resumed (or, with no state yet, closed),
        // never ids kept in a request nobody resumes.
        await GrainFactory.GetGrain<IErasedUsersGrain>(0).AddAsync(RequestId, fingerprints);
        state.State.StoredIds = ids;
        state.State.PersonId = personId;
        state.State.IdCount = ids.Count;
        state.State.RequestedAt = Now;
        state.State.NextPassAt = Now;
        await state.WriteStateAsync();

        ErasureMetrics.Started.Add(1);
        logger.LogInformation("Erasure {RequestId} started for {IdCount} ids (fingerprints {Fingerprints})",
            RequestId, ids.Count, string.Join(", ", fingerprints.Select(ErasureFingerprint.ForLog)));
        ArmTimer(TimeSpan.Zero);
        return Status();
    }

    public async Task ResumeAsync()
    {
        if (state.State.RequestedAt is null)
        {
            // Listed as open, never started (a crash between the two writes): nothing was kept, so nothing is left to do.
            await GrainFactory.GetGrain<IErasedUsersGrain>(0).CompleteAsync(RequestId);
        }
    }

    public Task<ErasureStatus?> GetStatusAsync() => Task.FromResult(state.State.RequestedAt is null ? null : Status());

    private async Task RunPassAsync()
    {
        try
        {
            var removed = await ErasePassAsync();
            state.State.ItemsRemoved += removed;
            state.State.PassesDone++;
            ErasureMetrics.ItemsRemoved.Add(removed);
            logger.LogInformation("Erasure {RequestId} pass {Pass} of {Passes}: {Campaigns} campaigns looked through, {Removed} items removed",
                RequestId, state.State.PassesDone, ErasurePasses.Total, state.State.Campaigns.Count, removed);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Erasure {RequestId} pass {Pass} failed; it runs again in {Delay}", RequestId, state.State.PassesDone + 1, RetryDelay);
            ArmTimer(RetryDelay);
            return;
        }

        if (state.State.PassesDone < ErasurePasses.Total)
        {
            state.State.NextPassAt = Now + options.Value.ErasureSettleTime;
            await state.WriteStateAsync();
            ArmTimer(options.Value.ErasureSettleTime);
            return;
        }

        await CompleteAsync();
    }

    /// <summary>One pass over everything that may hold the ids; answers how many items it removed.</summary>
    private async Task<long> ErasePassAsync()
    {
        long removed = 0;
        if (state.State.PersonId is { } personId && await GrainFactory.GetGrain<IPersonGrain>(personId).EraseAsync() is { } linked)
        {
            // Ids linked after the request was made are erased too.
            foreach (var id in linked.Where(id => !state.State.StoredIds.Contains(id)))
            {
                state.State.StoredIds.Add(id);
                await GrainFactory.GetGrain<IErasedUsersGrain>(0).AddAsync(RequestId, [ErasureFingerprint.Of(id)]);
            }

            state.State.IdCount = state.State.StoredIds.Count;
        }

        foreach (var userId in state.State.StoredIds)
        {
            state.State.Campaigns.UnionWith(await GrainFactory.GetGrain<IUserProfileGrain>(userId).EraseAsync());
        }

        foreach (var campaignId in state.State.Campaigns)
        {
            var insights = GrainFactory.GetGrain<ICampaignInsightsGrain>(campaignId);
            var alerts = GrainFactory.GetGrain<IAlertRegistryGrain>(AlertRegistry.KeyFor(campaignId));
            foreach (var userId in state.State.StoredIds)
            {
                var traces = await insights.EraseUserAsync(userId);
                state.State.TextFingerprints.UnionWith(traces.TextFingerprints);
                removed += traces.Removed + await alerts.EraseUserAsync(userId);
            }
        }

        removed += await GrainFactory.GetGrain<IFeedbackGrain>(0).EraseTextsAsync([.. state.State.TextFingerprints]);
        if (deadLetters is not null)
        {
            foreach (var userId in state.State.StoredIds)
            {
                removed += await deadLetters.EraseUserAsync(userId);
            }
        }

        if (archive is not null)
        {
            removed += await archive.EraseUsersAsync(state.State.StoredIds);
        }

        return removed;
    }

    private async Task CompleteAsync()
    {
        state.State.CompletedAt = Now;
        state.State.NextPassAt = null;
        state.State.CampaignCount = state.State.Campaigns.Count;
        state.State.StoredIds = [];
        state.State.PersonId = null;
        state.State.Campaigns.Clear();
        state.State.TextFingerprints.Clear();
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IErasedUsersGrain>(0).CompleteAsync(RequestId);

        timer?.Dispose();
        timer = null;
        ErasureMetrics.Completed.Add(1);
        logger.LogInformation("Erasure {RequestId} completed: {IdCount} ids, {Campaigns} campaigns, {Removed} items removed in {Elapsed}",
            RequestId, state.State.IdCount, state.State.CampaignCount, state.State.ItemsRemoved, state.State.CompletedAt - state.State.RequestedAt);
    }

    private void ArmTimer(TimeSpan due)
    {
        // KeepAlive: the settle time between passes must not end with the activation collected and the pass never run.
        if (timer is null)
        {
            timer = this.RegisterGrainTimer(RunPassAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { KeepAlive = true });
            return;
        }

        timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    private ErasureStatus Status() => new()
    {
        RequestId = RequestId,
        State = state.State.CompletedAt is null ? ErasureStatus.Running : ErasureStatus.Completed,
        Ids = state.State.IdCount,
        PassesDone = state.State.PassesDone,
        Campaigns = state.State.CompletedAt is null ? state.State.Campaigns.Count : state.State.CampaignCount,
        ItemsRemoved = state.State.ItemsRemoved,
        RequestedAt = state.State.RequestedAt!.Value,
        CompletedAt = state.State.CompletedAt,
    };
}
