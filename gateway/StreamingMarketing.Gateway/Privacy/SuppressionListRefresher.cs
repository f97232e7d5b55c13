using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Erasure;

namespace StreamingMarketing.Gateway.Privacy;

/// <summary>
/// Keeps this process's <see cref="SuppressionList"/> at most <see cref="ErasureOptions.SuppressionRefreshInterval"/>
/// behind the cluster's; the call answers nothing while the list is unchanged. The first load runs while the host
/// starts, before the HTTP server takes events, so a restarted gateway does not let an erased id's events through.
/// Polling also wakes the list grain after a restart, which resumes any erasure left open.
/// </summary>
public sealed class SuppressionListRefresher(
    IClusterClient client, SuppressionList list, IOptions<ErasureOptions> options, ILogger<SuppressionListRefresher> logger) : BackgroundService
{
    /// <summary>How long the host's start waits for the first load before it goes on with the list empty.</summary>
    private static readonly TimeSpan FirstLoadWait = TimeSpan.FromSeconds(10);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(FirstLoadWait);
        if (!await TryRefreshAsync(wait.Token))
        {
            logger.LogWarning("The suppression list could not be loaded at start; erased ids' events pass until it is (retried every {Interval})",
                options.Value.SuppressionRefreshInterval);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var ticks = new PeriodicTimer(options.Value.SuppressionRefreshInterval);
        while (await ticks.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await TryRefreshAsync(stoppingToken);
        }
    }

    private async Task<bool> TryRefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await client.GetGrain<IErasedUsersGrain>(0).GetIfNewerAsync(list.Version).WaitAsync(cancellationToken) is { } snapshot)
            {
                list.Replace(snapshot);
                logger.LogDebug("Suppression list at version {Version}: {Count} erased ids", snapshot.Version, snapshot.Fingerprints.Length);
            }

            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception exception)
        {
            // The cluster not up yet, or moving the grain: the list in hand stays, and the next tick retries.
            logger.LogDebug(exception, "Could not refresh the suppression list");
            return false;
        }
    }
}
