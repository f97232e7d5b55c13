using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Insights.Webhooks;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Allocation;

/// <summary>
/// A campaign's recommended traffic split (key = campaign id). Reads the campaign's exactly-once variant counters one
/// way and remembers only the split it last served per metric, written through on every change so that the cap on
/// moves and the webhook's baseline survive a restart. While webhooks are configured it re-evaluates the metrics it
/// was asked about on a timer, so a connector hears of a move without polling.
/// </summary>
public sealed class CampaignAllocationGrain(
    [PersistentState("allocation", StorageNames.GrainState)] IPersistentState<AllocationState> state,
    IOptions<AllocationOptions> options,
    AlertWebhookDispatcher webhooks,
    TimeProvider clock,
    ILogger<CampaignAllocationGrain> logger) : Grain, ICampaignAllocationGrain
{
    private readonly AllocationAdvisor advisor = new(options.Value);
    private IGrainTimer? refresh;

    private string CampaignId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.ByMetric.Count > 0)
        {
            WatchIfNotified();
        }

        return Task.CompletedTask;
    }

    public async Task<AllocationView?> GetAllocationAsync(VariantMetric metric)
    {
        var view = await AdvanceAsync(metric);
        WatchIfNotified();
        return view;
    }

    private async Task<AllocationView?> AdvanceAsync(VariantMetric metric)
    {
        var counts = await GrainFactory.GetGrain<ICampaignGrain>(CampaignId).GetVariantCountsAsync(metric);
        if (counts is null)
        {
            return null;
        }

        // Advised on a copy and kept only once written: after a refused write the next read steps (and announces) again.
        var name = metric.ToWireName();
        var stored = state.State.ByMetric.GetValueOrDefault(name);
        var split = stored?.Copy() ?? new ServedSplit();
        var started = Stopwatch.GetTimestamp();
        var steps = split.Steps;
        var advice = advisor.Advance(CampaignId, metric, counts, split, clock.GetUtcNow().UtcDateTime);
        var tag = new KeyValuePair<string, object?>("metric", name);
        AllocationMetrics.AdviceDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tag);
        if (advice.Changed)
        {
            state.State.ByMetric[name] = split;
            try
            {
                await state.WriteStateAsync();
            }
            catch
            {
                if (stored is null)
                {
                    state.State.ByMetric.Remove(name);
                }
                else
                {
                    state.State.ByMetric[name] = stored;
                }

                throw;
            }
        }

        if (split.Steps > steps)
        {
            AllocationMetrics.Steps.Add(split.Steps - steps, tag);
        }

        if (advice.Notify)
        {
            AllocationMetrics.Announced.Add(1, tag);
            // After the write: a webhook never announces a split that a crash could take back.
            webhooks.Enqueue(new AllocationChangedNotification(
                AllocationChangedNotification.EventName, Guid.NewGuid().ToString("N"), clock.GetUtcNow().UtcDateTime, CampaignId, name,
                advice.PreviouslyNotified, advice.View));
        }

        return advice.View;
    }

    /// <summary>
    /// The timer keeps the grain alive: its job is to notice moves nobody asked about. Only where someone listens, and
    /// only for campaigns whose allocation was read (a connector reads once to learn the split it then follows).
    /// </summary>
    private void WatchIfNotified()
    {
        if (refresh is not null || !webhooks.HasTargets)
        {
            return;
        }

        var interval = options.Value.RefreshInterval;
        refresh = this.RegisterGrainTimer(RefreshAsync, new GrainTimerCreationOptions(interval, interval) { KeepAlive = true, Interleave = false });
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var name in state.State.ByMetric.Keys.ToList())
        {
            if (!VariantMetrics.TryParse(name, out var metric))
            {
                continue;
            }

            try
            {
                await AdvanceAsync(metric);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Refreshing the {Metric} allocation of campaign {CampaignId} failed; the next refresh tries again", name, CampaignId);
            }
        }
    }
}
