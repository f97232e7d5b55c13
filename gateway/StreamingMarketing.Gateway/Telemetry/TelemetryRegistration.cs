using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using StreamingMarketing.Gateway.Auth;
using StreamingMarketing.Gateway.Health;

namespace StreamingMarketing.Gateway.Telemetry;

/// <summary>
/// Metrics for both hosts (silo and standalone gateway), wired once: OpenTelemetry with the Prometheus exporter at
/// <c>GET /metrics</c>. Called from <see cref="GatewayRegistration"/>, so a host that serves the API also serves its metrics.
/// </summary>
public static class TelemetryRegistration
{
    public const string MetricsPath = "/metrics";

    /// <summary>Orleans' own meter: activations, messaging, storage, streams.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Our meter: ingest, pipeline and sentiment instruments all use this one name, whatever assembly they live in.</summary>
    public const string ProductMeter = "StreamingMarketing";

    public static IServiceCollection AddStreamingMarketingTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(OrleansMeter, ProductMeter)
            .AddRuntimeInstrumentation()
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter());

        // Readiness as a metric too, so that an alert can fire on it (Prometheus does not probe /health/ready itself).
        services.AddSingleton<IHealthCheckPublisher, ReadinessMetricPublisher>();
        services.Configure<HealthCheckPublisherOptions>(publisher =>
        {
            publisher.Predicate = check => check.Tags.Contains(HealthEndpoints.ReadyTag);
            publisher.Delay = ReadinessMetricPublisher.FirstRunDelay;
            publisher.Period = ReadinessMetricPublisher.Period;
        });
        return services;
    }

    /// <summary>
    /// Maps <c>/metrics</c> (with keys configured it needs a key with the metrics scope: Prometheus sends it as a bearer
    /// token), and <c>/dashboard</c> where the host added the Orleans dashboard.
    /// </summary>
    public static IEndpointRouteBuilder MapStreamingMarketingTelemetry(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).RequireScope(ApiScopes.Metrics);
        app.MapOrleansDashboardIfAdded();
        return app;
    }
}
