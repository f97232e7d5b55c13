using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Alerts;

namespace StreamingMarketing.Grains.Insights.Webhooks;

/// <summary>
/// Delivers alert notifications and allocation moves to the configured webhooks in the background of the silo. Grains only enqueue
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
    private readonly Channel<(WebhookTarget Target, WebhookDelivery Delivery)> queue;
    private readonly IHttpClientFactory httpClients;
    private readonly ConcurrentDictionary<string, int> queuedByCampaign = new(StringComparer.Ordinal);

    public AlertWebhookDispatcher(IOptions<AlertOptions> options, IHttpClientFactory httpClients, TimeProvider clock, ILogger<AlertWebhookDispatcher> logger)
    {
        this.httpClients = httpClients;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        queue = Channel.CreateBounded<(WebhookTarget, WebhookDelivery)>(new BoundedChannelOptions(Math.Max(1, this.options.QueueCapacity))
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
        Enqueue(new WebhookDelivery(notification.Event, notification.DeliveryId, alert.CampaignId, $"alert {alert.AlertId}",
            JsonSerializer.SerializeToUtf8Bytes(notification, JsonSerializerOptions.Web)));
    }

    /// <summary>Queues a move of a campaign's recommended traffic split for every webhook.</summary>
    public void Enqueue(AllocationChangedNotification notification) =>
        Enqueue(new WebhookDelivery(notification.Event, notification.DeliveryId, notification.CampaignId, $"allocation of {notification.Metric}",
            JsonSerializer.SerializeToUtf8Bytes(notification, JsonSerializerOptions.Web)));

    private void Enqueue(WebhookDelivery delivery)
    {
        foreach (var target in options.Webhooks.Where(w => !string.IsNullOrWhiteSpace(w.Url)))
        {
            if (queuedByCampaign.AddOrUpdate(delivery.CampaignId, 1, (_, queued) => queued + 1) > options.MaxQueuedPerCampaign)
            {
                Dequeued(delivery.CampaignId);
                InsightsMetrics.WebhookFailures.Add(1, new KeyValuePair<string, object?>("reason", "campaign_limit"));
                InsightsMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "dropped"));
                logger.LogWarning("Campaign {CampaignId} already has {Limit} webhook notifications queued: {Subject} not delivered to {Url}",
                    delivery.CampaignId, options.MaxQueuedPerCampaign, delivery.Subject, target.Url);
                continue;
            }

            if (!queue.Writer.TryWrite((target, delivery)))
            {
                Dequeued(delivery.CampaignId);
                InsightsMetrics.WebhookFailures.Add(1, new KeyValuePair<string, object?>("reason", "queue_full"));
                InsightsMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "dropped"));
                logger.LogError("Webhook queue full ({Capacity}): {Subject} not delivered to {Url}", options.QueueCapacity, delivery.Subject, target.Url);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.DeliveryWorkers)).Select(_ => WorkAsync(stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (target, delivery) in queue.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await DeliverAsync(target, delivery, stoppingToken);
                }
                finally
                {
                    Dequeued(delivery.CampaignId);
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

    private async Task DeliverAsync(WebhookTarget target, WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        var reason = await SendAsync(target, delivery, stoppingToken);
        if (reason is null)
        {
            InsightsMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "delivered"));
            return;
        }

        // The pipeline counted the attempts it retried; this is the last one.
        InsightsMetrics.WebhookFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
        InsightsMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "gave_up"));
        logger.LogError("Gave up delivering {Event} of {Subject} to {Url} ({Reason}; at most {MaxAttempts} attempts)",
            delivery.Event, delivery.Subject, target.Url, reason, options.MaxAttempts);
    }

    /// <summary>Null when the receiver answered 2xx, at once or after retries; otherwise the last attempt's failure reason.</summary>
    private async Task<string?> SendAsync(WebhookTarget target, WebhookDelivery delivery, CancellationToken stoppingToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Url) { Content = new ByteArrayContent(delivery.Body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(EventHeader, delivery.Event);
            request.Headers.Add(DeliveryHeader, delivery.DeliveryId);
            if (!string.IsNullOrEmpty(target.Secret))
            {
                request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(target.Secret, delivery.Body));
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
