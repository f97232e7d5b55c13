namespace StreamingMarketing.Grains.Insights.Webhooks;

/// <summary>
/// One notification on its way to the webhooks: the headers it travels with and its body, serialised once so that every
/// retry sends (and signs) the very same bytes. <see cref="Subject"/> names it in logs without its contents.
/// </summary>
internal sealed record WebhookDelivery(string Event, string DeliveryId, string CampaignId, string Subject, byte[] Body);
