using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>
/// A campaign's alert lifecycle: at most one open alert per rule; a reading that opens creates one, a reading that
/// resolves closes it. Transitions wait in <see cref="Unpublished"/> until the registry has them, so a failed call
/// is retried on the next evaluation instead of being lost.
/// </summary>
[GenerateSerializer]
public sealed class AlertBook
{
    public const int KeptResolved = 20;

    /// <summary>A registry that stays unreachable must not grow a campaign's state without bound.</summary>
    public const int MaxUnpublished = 100;

    [Id(0)] public Dictionary<string, AlertView> Open { get; set; } = [];

    /// <summary>Newest first.</summary>
    [Id(1)] public List<AlertView> Resolved { get; set; } = [];

    /// <summary>Oldest first.</summary>
    [Id(2)] public List<AlertView> Unpublished { get; set; } = [];
    [Id(3)] public HourOfDayBaseline Baseline { get; set; } = new();

    /// <summary>Applies one reading; the transition it caused, if any. <paramref name="drivers"/> is read only when an alert opens.</summary>
    public AlertView? Apply(string campaignId, RuleReading reading, DateTime now, Func<AlertDrivers>? drivers = null)
    {
        if (Open.TryGetValue(reading.Rule, out var open))
        {
            if (!reading.Resolves)
            {
                return null;
            }

            var resolved = open with { State = AlertStates.Resolved, ResolvedAt = now, ResolvedValue = reading.Value };
            Open.Remove(reading.Rule);
            Resolved.Insert(0, resolved);
            if (Resolved.Count > KeptResolved)
            {
                Resolved.RemoveAt(Resolved.Count - 1);
            }

            return Publish(resolved);
        }

        if (!reading.Opens)
        {
            return null;
        }

        var opened = new AlertView
        {
            AlertId = Guid.NewGuid().ToString("N"),
            CampaignId = campaignId,
            Rule = reading.Rule,
            State = AlertStates.Open,
            OpenedAt = now,
            Value = reading.Value,
            Threshold = reading.Threshold,
            Message = reading.Message,
            Drivers = drivers?.Invoke(),
            Hour = reading.Hour,
        };
        Open[reading.Rule] = opened;
        return Publish(opened);
    }

    public List<AlertView> ToViews() => [.. Open.Values.OrderByDescending(a => a.OpenedAt), .. Resolved];

    private AlertView Publish(AlertView transition)
    {
        if (Unpublished.Count >= MaxUnpublished)
        {
            Unpublished.RemoveAt(0);
        }

        Unpublished.Add(transition);
        return transition;
    }
}
