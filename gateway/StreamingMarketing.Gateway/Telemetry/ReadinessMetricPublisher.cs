using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace StreamingMarketing.Gateway.Telemetry;

/// <summary>
/// Runs the readiness checks (the ones <c>/health/ready</c> runs) on a timer and records each as a gauge:
/// Prometheus scrapes; it does not call <c>/health/ready</c>, so without this an alert could only see a dead process.
/// </summary>
internal sealed class ReadinessMetricPublisher : IHealthCheckPublisher
{
    public static readonly TimeSpan FirstRunDelay = TimeSpan.FromSeconds(1);

    /// <summary>Short next to the alert's <c>for:</c> window, long enough that the cluster check's grain call costs nothing.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    // Static like the other instruments of this meter: one gauge per process whatever the number of hosts in it.
    private static readonly Meter Meter = new(TelemetryRegistration.ProductMeter);

    private static readonly Gauge<int> CheckStatus = Meter.CreateGauge<int>(
        "streamingmarketing.health.check.status", unit: null, "1 while a readiness check passes, 0 while it fails, by check.");

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            // Same verdict as /health/ready, which answers 200 for Degraded and 503 only for Unhealthy.
            CheckStatus.Record(entry.Status == HealthStatus.Unhealthy ? 0 : 1, new KeyValuePair<string, object?>("check", name));
        }

        return Task.CompletedTask;
    }
}
