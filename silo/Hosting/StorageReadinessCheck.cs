using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>Ready only while the embedded grain store answers a query.</summary>
public sealed class StorageReadinessCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var storage = services.GetRequiredKeyedService<SqliteGrainStorage>(StorageNames.GrainState);
        return await storage.PingAsync(cancellationToken)
            ? HealthCheckResult.Healthy("grain storage answers")
            : HealthCheckResult.Unhealthy("grain storage does not answer");
    }
}
