using System.Diagnostics.Metrics;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Insights;

/// <summary>Instruments of alerts and their webhooks, on the product meter. Tags carry rule names and reasons, never ids.</summary>
public static class InsightsMetrics
{
    private static readonly Meter Meter = new(PipelineMetrics.MeterName);

    public static readonly Counter<long> AlertsOpened = Meter.CreateCounter<long>(
        "streamingmarketing.alerts.opened", "{alert}", "Alerts opened, by rule.");

    public static readonly Counter<long> AlertsResolved = Meter.CreateCounter<long>(
        "streamingmarketing.alerts.resolved", "{alert}", "Alerts resolved, by rule.");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "streamingmarketing.alerts.webhook.deliveries", "{delivery}", "Webhook deliveries finished, by outcome (delivered, gave_up, dropped).");

    public static readonly Counter<long> WebhookFailures = Meter.CreateCounter<long>(
        "streamingmarketing.alerts.webhook.failures", "{attempt}", "Failed webhook attempts, by reason (status, timeout, error, queue_full).");
}
