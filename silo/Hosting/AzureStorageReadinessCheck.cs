using StreamingMarketing.Hosting;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>Ready only while the storage account holding grain state answers.</summary>
public sealed class AzureStorageReadinessCheck(IOptions<AzureSettings> azure) : IHealthCheck
{
    private readonly BlobContainerClient container =
        new BlobServiceClient(azure.Value.StorageConnectionString).GetBlobContainerClient(azure.Value.GrainStateContainer);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await container.ExistsAsync(timeout.Token);
            return HealthCheckResult.Healthy("Azure Storage answers");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy($"Azure Storage does not answer: {exception.Message}");
        }
    }
}
