using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Webhooks;

/// <summary>
/// The JSON body of one webhook delivery. <see cref="DeliveryId"/> stays the same across retries of a delivery, so a
/// receiver that saw it already can drop the repeat.
/// </summary>
public sealed record AlertNotification(string Event, string DeliveryId, DateTime SentAt, AlertView Alert)
{
    public const string Opened = "alert.opened";
    public const string Resolved = "alert.resolved";

    public static AlertNotification For(AlertView alert, DateTime now) =>
        new(alert.State == AlertStates.Open ? Opened : Resolved, Guid.NewGuid().ToString("N"), now, alert);
}
