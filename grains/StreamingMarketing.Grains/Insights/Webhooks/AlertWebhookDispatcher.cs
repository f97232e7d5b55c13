using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Alerts;

namespace StreamingMarketing.Grains.Insights.Webhooks;

/// <summary>
/// Delivers alert notifications to the configured webhooks in the background of the silo. Grains only enqueue
/// (never wait on a receiver); a bounded queue and a few workers deliver, each attempt under a timeout, retrying with
/// exponential backoff. What cannot be queued or delivered is counted in <see cref="InsightsMetrics"/> and logged.
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
    private readonly HttpClient http;
    private readonly ConcurrentDictionary<string, int> queuedByCampaign = new(StringComparer.Ordinal);

    public AlertWebhookDispatcher(IOptions<AlertOptions> options, TimeProvider clock, ILogger<AlertWebhookDispatcher> logger)
    {
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        queue = Channel.CreateBounded<(WebhookTarget, AlertNotification)>(new BoundedChannelOptions(Math.Max(1, this.options.QueueCapacity))
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
        // Pooled connections are recycled so a receiver moved behind DNS is found again.
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = Timeout.InfiniteTimeSpan };
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

    public override void Dispose()
    {
        http.Dispose();
        base.Dispose();
    }

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
        var backoff = options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            var reason = await TryOnceAsync(target, notification, body, stoppingToken);
            if (reason is null)
            {
                InsightsMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "delivered"));
                return;
            }

            InsightsMetrics.WebhookFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
            if (attempt >= options.MaxAttempts)
            {
                InsightsMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", "gave_up"));
                logger.LogError("Gave up delivering {Event} of alert {AlertId} to {Url} after {Attempts} attempts ({Reason})",
                    notification.Event, notification.Alert.AlertId, target.Url, attempt, reason);
                return;
            }

            logger.LogWarning("Webhook {Url} failed ({Reason}) for alert {AlertId}; attempt {Attempt} in {Backoff}",
                target.Url, reason, notification.Alert.AlertId, attempt + 1, backoff);
            await Task.Delay(backoff, clock, stoppingToken);
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, options.MaxBackoff.Ticks));
        }
    }

    /// <summary>Null when the receiver answered 2xx; otherwise the failure reason for the metric.</summary>
    private async Task<string?> TryOnceAsync(WebhookTarget target, AlertNotification notification, byte[] body, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(options.RequestTimeout);
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

            using var response = await http.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : "status";
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return "timeout";
        }
        catch (HttpRequestException)
        {
            return "error";
        }
        catch (InvalidOperationException)
        {
            // A URL HttpClient cannot use (relative, unknown scheme): retrying will not fix it, but counting it will show it.
            return "error";
        }
    }
}
