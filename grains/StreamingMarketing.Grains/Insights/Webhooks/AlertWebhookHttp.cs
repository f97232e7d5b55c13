using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Timeout;
using StreamingMarketing.Grains.Insights.Alerts;

namespace StreamingMarketing.Grains.Insights.Webhooks;

/// <summary>
/// The webhook deliveries' HTTP client (IHttpClientFactory, so pooled connections are recycled and a receiver moved
/// behind DNS is found again) and its pipeline from <see cref="AlertOptions"/>: each attempt under
/// <c>RequestTimeout</c>, any failure retried with exponential backoff up to <c>MaxAttempts</c> attempts in all.
/// Re-sending a POST is safe here: every retry carries the same body and the same delivery id header, by which
/// receivers drop repeats. There is no circuit breaker: one dead receiver must not hold back deliveries to the others.
/// </summary>
internal static class AlertWebhookHttp
{
    public const string ClientName = "alert-webhooks";

    public static IServiceCollection AddAlertWebhookHttp(this IServiceCollection services)
    {
        // Each attempt is timed inside the pipeline; the client's own timeout would span every retry.
        services.AddHttpClient(ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("alert-webhook-delivery", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<AlertOptions>>().Value;
                var logger = context.ServiceProvider.GetRequiredService<ILogger<AlertWebhookDispatcher>>();
                if (options.MaxAttempts > 1)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        ShouldHandle = args => ValueTask.FromResult(FailureReason(args.Outcome) is not null),
                        MaxRetryAttempts = options.MaxAttempts - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        Delay = options.InitialBackoff,
                        MaxDelay = options.MaxBackoff,
                        UseJitter = false,
                        OnRetry = args =>
                        {
                            var reason = FailureReason(args.Outcome)!;
                            InsightsMetrics.WebhookFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
                            var request = args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage();
                            logger.LogWarning("Webhook {Url} failed ({Reason}) for delivery {DeliveryId}; attempt {Attempt} in {Backoff}",
                                request?.RequestUri, reason, DeliveryId(request), args.AttemptNumber + 2, args.RetryDelay);
                            return ValueTask.CompletedTask;
                        },
                    });
                }

                pipeline.AddTimeout(options.RequestTimeout);
            });
        return services;
    }

    /// <summary>Null for a 2xx answer; otherwise the failure reason the metric counts (a failure to retry).</summary>
    public static string? FailureReason(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "timeout",
        { Exception: HttpRequestException } => "error",
        { Exception: null, Result.IsSuccessStatusCode: false } => "status",
        _ => null,
    };

    private static string? DeliveryId(HttpRequestMessage? request) =>
        request?.Headers.TryGetValues(AlertWebhookDispatcher.DeliveryHeader, out var values) == true ? values.FirstOrDefault() : null;
}
