using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Alerts;

namespace StreamingMarketing.Grains.Insights.Webhooks;

/// <summary>
/// Delivers alert notifications to the configured webhooks in the background of the silo. Grains only enqueue
/// (never wait on a receiver); a bounded queue and a few workers deliver through the <see cref="AlertWebhookHttp"/>
/// client, whose pipeline times each attempt and retries. What cannot be queued or delivered is counted in
/// <see cref="InsightsMetrics"/> and logged.
/// Queued deliveries live in memory: a silo crash loses them (the alert itself stays in the registry).
/// </summary>
public sealed class AlertWebhookDispatcher : BackgroundService
{
    public const string EventHeader = "X-StreamingMarketing-Event";
    public const string DeliveryHeader = "X-StreamingMarketing-Delivery";

    private readonly AlertOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<AlertWebhookDispatcher> logger;
    private readonly Channel<(WebhookTarget Target, AlertNotification Notification)> queue;
    private readonly IHttpClientFactory httpClients;
    private readonly ConcurrentDictionary<string, int> queuedByCampaign = new(StringComparer.Ordinal);

    public AlertWebhookDispatcher(IOptions<AlertOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<AlertWebhookDispatcher> logger)
    {
        this.httpClients = httpClients;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        queue = Channel.CreateBounded<(WebhookTarget, AlertNotification)>(new BoundedChannelOptions(Math.Max(1, this.options.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public bool HasTargets => options.Webhooks.Any(w => !string.IsNullOrWhiteSpace(w.Url));

    /// <summary>Queues the alert for every webhook; returns at once whatever the receivers do.</summary>
    public void Enqueue(AlertView alert)
    {
        if (alert.State == AlertStates.Resolved && !options.NotifyOnResolve)
        {
            return;
        }

        var notification = AlertNotification.For(alert, clock.GetUtcNow().UtcDateTime);
        foreach (var target in options.Webhooks.Where(w => !string.IsNullOrWhiteSpace(w.Url)))
        {
            if (queuedByCampaign.AddOrUpdate(alert.CampaignId, 1, (_, queued) => queued + 1) > options.MaxQueuedPerCampaign)
            {
                Dequeued(alert.CampaignId);
                InsightsMetrics.WebhookFailures.Add(1, new KeyValuePair<string, object?>("reason", "campaign_limit"));
                InsightsMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "dropped"));
                logger.LogWarning("Campaign {CampaignId} already has {Limit} webhook notifications queued: alert {AlertId} not delivered to {Url}",
                    alert.CampaignId, options.MaxQueuedPerCampaign, alert.AlertId, target.Url);
                continue;
            }

            if (!queue.Writer.TryWrite((target, notification)))
            {
                Dequeued(alert.CampaignId);
                InsightsMetrics.WebhookFailures.Add(1, new KeyValuePair<string, object?>("reason", "queue_full"));
                InsightsMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "dropped"));
                logger.LogError("Webhook queue full ({Capacity}): alert {AlertId} not delivered to {Url}", options.QueueCapacity, alert.AlertId, target.Url);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.DeliveryWorkers)).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (target, notification) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(target, notification, stoppingToken);
                }
                finally
                {
                    Dequeued(notification.Alert.CampaignId);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void Dequeued(string campaignId)
    {
        if (queuedByCampaign.AddOrUpdate(campaignId, 0, (_, queued) => queued - 1) <= 0)
        {
            queuedByCampaign.TryRemove(new KeyValuePair<string, int>(campaignId, 0));
        }
    }

    private async Task DeliverAsync(WebhookTarget target, AlertNotification notification, CancellationToken stoppingToken)
    {
        // Serialised once: every retry sends (and signs) the very same bytes.
        var body = JsonSerializer.SerializeToUtf8Bytes(notification, JsonSerializerOptions.Web);
        var reason = await SendAsync(target, notification, body, stoppingToken);
        if (reason is null)
        {
            InsightsMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "delivered"));
            return;
        }

        // The pipeline counted the attempts it retried; this is the last one.
        InsightsMetrics.WebhookFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
        InsightsMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "gave_up"));
        logger.LogError("Gave up delivering {Event} of alert {AlertId} to {Url} ({Reason}; at most {MaxAttempts} attempts)",
            notification.Event, notification.Alert.AlertId, target.Url, reason, options.MaxAttempts);
    }

    /// <summary>Null when the receiver answered 2xx, at once or after retries; otherwise the last attempt's failure reason.</summary>
    private async Task<string?> SendAsync(WebhookTarget target, AlertNotification notification, byte[] body, CancellationToken stoppingToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(EventHeader, notification.Event);
            request.Headers.Add(DeliveryHeader, notification.DeliveryId);
            if (!string.IsNullOrEmpty(target.Secret))
            {
                request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(target.Secret, body));
            }

            using var response = await httpClients.CreateClient(AlertWebhookHttp.ClientName).SendAsync(request, stoppingToken);
            return AlertWebhookHttp.FailureReason(Outcome.FromResult(response));
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException && !stoppingToken.IsCancellationRequested)
        {
            return AlertWebhookHttp.FailureReason(Outcome.FromException<HttpResponseMessage>(exception));
        }
        catch (Exception exception) when (exception is InvalidOperationException or UriFormatException)
        {
            // A URL HttpClient cannot use (relative, unknown scheme): retrying will not fix it, but counting it will show it.
            return "error";
        }
    }
}
