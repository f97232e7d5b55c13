using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Gateway.Hosting;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>
/// On a clean stop, after the grains wrote their state (<see cref="UnsavedStateDrain"/>): writes the events those
/// writes handed the archive, so a clean stop leaves the archive complete.
/// </summary>
public sealed class ArchiveDrain(IServiceProvider services, ILogger<ArchiveDrain> logger) : IShutdownDrain
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<ArchiveWriter>() is not { } archive)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(MaxWait);
        try
        {
            await archive.FlushAsync(timeout.Token);
            logger.LogInformation("Archive written: {Count} events in all", archive.Written);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("The archive could not write its last events within {Wait}", MaxWait);
        }
    }
}
