using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>Alert rule defaults and webhook delivery; bound from configuration section <c>Alerts</c>.</summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>Defaults for every campaign (<c>Alerts:Rules:NegativeSentiment:Threshold</c>, ...); unset fields keep the built-in ones.</summary>
    public AlertRuleSet Rules { get; set; } = new();

    /// <summary><c>Alerts:Webhooks:N:Url</c> and optional <c>Alerts:Webhooks:N:Secret</c>.</summary>
    public List<WebhookTarget> Webhooks { get; set; } = [];

    /// <summary>Attempts per delivery (the first included) before it is given up and counted as failed.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the second attempt; doubled after each failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries waiting on this silo; beyond it new ones are dropped and counted (alerts are rare, a full queue means dead receivers).</summary>
    public int QueueCapacity { get; set; } = 1_000;

    /// <summary>Deliveries in flight at once, so one slow receiver does not hold up the others.</summary>
    public int DeliveryWorkers { get; set; } = 4;

    /// <summary>
    /// Notifications of one campaign queued at once; more are dropped (counted with reason <c>campaign_limit</c>), so one
    /// campaign flapping through alerts cannot fill the queue that every other campaign's alerts wait in.
    /// </summary>
    public int MaxQueuedPerCampaign { get; set; } = 10;

    /// <summary>Also deliver the resolution of an alert (payload event <c>alert.resolved</c>).</summary>
    public bool NotifyOnResolve { get; set; } = true;
}

public sealed class WebhookTarget
{
    public string Url { get; set; } = string.Empty;

    /// <summary>When set, each delivery carries <c>X-StreamingMarketing-Signature: sha256=HMAC-SHA256(secret, body) in hex</c>.</summary>
    public string? Secret { get; set; }
}
