using Microsoft.Extensions.Logging;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Erasure;
using StreamingMarketing.Grains.Insights.Webhooks;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>
/// The list behind <c>GET /api/alerts</c> and the one place that hands transitions to the webhooks: a transition is
/// written to storage first, then queued for delivery, so a campaign that retries a call (its answer was lost) never
/// causes a second delivery. Transitions are rare (a few per campaign and day): each write goes through at once, on a
/// copy of the state that replaces it only once saved, so a failed write leaves nothing recorded and the retry is whole.
/// </summary>
public sealed class AlertRegistryGrain(
    [PersistentState("alerts", StorageNames.GrainState)] IPersistentState<AlertRegistryState> state,
    AlertWebhookDispatcher dispatcher,
    ILogger<AlertRegistryGrain> logger)
    : Grain, IAlertRegistryGrain
{
    /// <summary>The last state saved; reads interleave with a write and answer from it.</summary>
    private AlertRegistryState? saved;

    public async Task RecordAsync(AlertView alert)
    {
        var current = state.State;
        var known = current.Resolved.Any(a => a.AlertId == alert.AlertId) || (alert.State == AlertStates.Open && current.Open.ContainsKey(alert.AlertId));
        if (known)
        {
            return;
        }

        var next = new AlertRegistryState { Open = new(current.Open), Resolved = [.. current.Resolved] };
        if (alert.State == AlertStates.Open)
        {
            next.Open[alert.AlertId] = alert;
        }
        else
        {
            next.Open.Remove(alert.AlertId);
            next.Resolved.Insert(0, alert);
            if (next.Resolved.Count > AlertRegistryState.KeptResolved)
            {
                next.Resolved.RemoveAt(next.Resolved.Count - 1);
            }
        }

        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = current;
            throw;
        }

        saved = next;
        logger.LogInformation("Alert {AlertId} ({Rule}) of campaign {CampaignId} is {State}: {Message}",
            alert.AlertId, alert.Rule, alert.CampaignId, alert.State, alert.Message);
        dispatcher.Enqueue(alert);
    }

    public async Task<int> EraseUserAsync(string userId)
    {
        var current = state.State;
        var next = new AlertRegistryState { Open = new(current.Open), Resolved = [.. current.Resolved] };
        var erased = AlertDriverEraser.ReplaceAll(next.Resolved, userId);
        foreach (var (id, alert) in current.Open)
        {
            if (AlertDriverEraser.Without(alert, userId) is { } cleaned)
            {
                next.Open[id] = cleaned;
                erased++;
            }
        }

        if (erased == 0)
        {
            return 0;
        }

        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = current;
            throw;
        }

        saved = next;
        return erased;
    }

    public Task<List<AlertView>> ListAsync(string filter, int limit)
    {
        var current = saved ?? state.State;
        IEnumerable<AlertView> open = current.Open.Values.OrderByDescending(a => a.OpenedAt);
        IEnumerable<AlertView> alerts = filter switch
        {
            AlertStates.Open => open,
            AlertStates.Resolved => current.Resolved,
            _ => open.Concat(state.State.Resolved),
        };
        return Task.FromResult(alerts.Take(limit).ToList());
    }
}
