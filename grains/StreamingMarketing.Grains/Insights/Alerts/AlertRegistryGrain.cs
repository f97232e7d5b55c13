using Microsoft.Extensions.Logging;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Webhooks;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>
/// The list behind <c>GET /api/alerts</c> and the one place that hands transitions to the webhooks: a transition is
/// written to storage first, then queued for delivery, so a campaign that retries a call (its answer was lost) never
/// causes a second delivery. Transitions are rare (a few per campaign and day): each write goes through at once.
/// </summary>
public sealed class AlertRegistryGrain(
    [PersistentState("alerts", StorageNames.GrainState)] IPersistentState<AlertRegistryState> state,
    AlertWebhookDispatcher dispatcher,
    ILogger<AlertRegistryGrain> logger)
    : Grain, IAlertRegistryGrain
{
    public async Task RecordAsync(AlertView alert)
    {
        var open = state.State.Open;
        if (alert.State == AlertStates.Open)
        {
            if (open.ContainsKey(alert.AlertId) || state.State.Resolved.Any(a => a.AlertId == alert.AlertId))
            {
                return;
            }

            open[alert.AlertId] = alert;
        }
        else
        {
            if (state.State.Resolved.Any(a => a.AlertId == alert.AlertId))
            {
                return;
            }

            open.Remove(alert.AlertId);
            state.State.Resolved.Insert(0, alert);
            if (state.State.Resolved.Count > AlertRegistryState.KeptResolved)
            {
                state.State.Resolved.RemoveAt(state.State.Resolved.Count - 1);
            }
        }

        await state.WriteStateAsync();
        logger.LogInformation("Alert {AlertId} ({Rule}) of campaign {CampaignId} is {State}: {Message}",
            alert.AlertId, alert.Rule, alert.CampaignId, alert.State, alert.Message);
        dispatcher.Enqueue(alert);
    }

    public Task<List<AlertView>> ListAsync(string filter, int limit)
    {
        IEnumerable<AlertView> open = state.State.Open.Values.OrderByDescending(a => a.OpenedAt);
        IEnumerable<AlertView> alerts = filter switch
        {
            AlertStates.Open => open,
            AlertStates.Resolved => state.State.Resolved,
            _ => open.Concat(state.State.Resolved),
        };
        return Task.FromResult(alerts.Take(limit).ToList());
    }
}
