using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>On a scoring silo, ready only once a sentiment model serves.</summary>
public sealed class ModelReadinessCheck(SentimentService sentiment) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sentiment.CurrentModel is { } model
            ? HealthCheckResult.Healthy($"model {model.Version} serving on {sentiment.ExecutionProvider}")
            : HealthCheckResult.Unhealthy("no sentiment model loaded"));
}
