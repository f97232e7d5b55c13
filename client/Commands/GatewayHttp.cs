using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// The client's outgoing HTTP, through IHttpClientFactory: one client for reads, answered or failed at once, and one
/// for event batches behind a retry pipeline (Microsoft.Extensions.Http.Resilience).
/// </summary>
internal static class GatewayHttp
{
    public const string Reads = "gateway-reads";
    public const string EventBatches = "gateway-event-batches";

    /// <summary>How long one request may wait for its answer.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    public static IServiceCollection AddGatewayHttp(this IServiceCollection services, Uri baseAddress, string? apiKey, int eventRetries)
    {
        services.AddSingleton<RetryCounter>();
        services.AddHttpClient(Reads, http => Configure(http, baseAddress, apiKey, RequestTimeout));
        // The batch client's own timeout would span every retry; each attempt is timed inside the pipeline instead.
        services.AddHttpClient(EventBatches, http => Configure(http, baseAddress, apiKey, Timeout.InfiniteTimeSpan))
            .AddResilienceHandler("event-batches", (pipeline, context) =>
            {
                // Re-sending a batch is safe although POST is not idempotent: every event carries its eventId, and the
                // gateway drops repeats within a request while campaign grains apply an eventId once.
                if (eventRetries > 0)
                {
                    var retries = context.ServiceProvider.GetRequiredService<RetryCounter>();
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        // Network errors, attempt timeouts, 408, 429 and 5xx (503 is the gateway's back-pressure or shutdown); a
                        // Retry-After answer sets the wait.
                        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                        MaxRetryAttempts = eventRetries,
                        BackoffType = DelayBackoffType.Exponential,
                        Delay = FirstBackoff,
                        MaxDelay = MaxBackoff,
                        UseJitter = true,
                        OnRetry = _ =>
                        {
                            retries.Add();
                            return ValueTask.CompletedTask;
                        },
                    });
                }

                pipeline.AddTimeout(RequestTimeout);
            });
        return services;
    }

    private static void Configure(HttpClient http, Uri baseAddress, string? apiKey, TimeSpan timeout)
    {
        http.BaseAddress = baseAddress;
        http.Timeout = timeout;
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }
}
