using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Erasure;

namespace StreamingMarketing.Gateway.Privacy;

/// <summary>
/// Keeps this process's <see cref="SuppressionList"/> at most <see cref="ErasureOptions.SuppressionRefreshInterval"/>
/// behind the cluster's; the call answers nothing while the list is unchanged. Polling also wakes the list grain after
/// a restart, which resumes any erasure left open.
/// </summary>
public sealed class SuppressionListRefresher(
    IClusterClient client, SuppressionList list, IOptions<ErasureOptions> options, ILogger<SuppressionListRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(options.Value.SuppressionRefreshInterval);
        do
        {
            try
            {
                if (await client.GetGrain<IErasedUsersGrain>(0).GetIfNewerAsync(list.Version).WaitAsync(stoppingToken) is { } snapshot)
                {
                    list.Replace(snapshot);
                    logger.LogDebug("Suppression list at version {Version}: {Count} erased ids", snapshot.Version, snapshot.Fingerprints.Length);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Before the cluster is up, or while it moves the grain: the list in hand stays, and the next tick retries.
                logger.LogDebug(exception, "Could not refresh the suppression list");
            }
        }
        while (await ticks.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false) is true);
    }
}
