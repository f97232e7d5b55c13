namespace StreamingMarketing.Contracts.Allocation;

/// <summary>
/// The body of an <c>allocation-changed</c> webhook delivery: a campaign's recommended split moved by more than
/// <c>Allocation:NotifyThreshold</c> since the split last notified. <see cref="Previous"/> is that split by variant;
/// <see cref="Allocation"/> is the answer <c>GET /api/campaigns/{id}/allocation</c> gives now, so a connector can apply
/// it without reading back. The delivery id stays the same across retries.
/// </summary>
public sealed record AllocationChangedNotification(
    string Event,
    string DeliveryId,
    DateTime SentAt,
    string CampaignId,
    string Metric,
    Dictionary<string, double> Previous,
    AllocationView Allocation)
{
    public const string EventName = "allocation-changed";
}
