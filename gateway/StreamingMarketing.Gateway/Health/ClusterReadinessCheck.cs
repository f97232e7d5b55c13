using Microsoft.Extensions.Diagnostics.HealthChecks;
using StreamingMarketing.Contracts.Grains;

namespace StreamingMarketing.Gateway.Health;

/// <summary>Ready when a grain call round-trips: the silo (or the cluster behind a client gateway) is active.</summary>
public sealed class ClusterReadinessCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await client.GetGrain<ICampaignCatalogGrain>(0).GetPageAsync(0, 0).WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return HealthCheckResult.Healthy("cluster answers");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy($"cluster does not answer: {exception.Message}");
        }
    }
}
