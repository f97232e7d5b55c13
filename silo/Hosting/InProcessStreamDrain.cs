using StreamingMarketing.Grains.Campaigns;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Gateway.Hosting;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>
/// Memory-stream queues die with the process: on a clean stop, wait until every event this process published has
/// reached its campaign grain, so that the grains' final state writes (on deactivation) include it.
/// </summary>
public sealed class InProcessStreamDrain(InProcessDelivery delivery, ILogger<InProcessStreamDrain> logger) : IShutdownDrain
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + MaxWait;
        while (delivery.Pending > 0 && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(20, CancellationToken.None);
        }

        if (delivery.Pending > 0)
        {
            logger.LogError("Stopping with {Count} events still in memory-stream queues: they are lost", delivery.Pending);
        }
        else
        {
            logger.LogInformation("Memory-stream queues drained");
        }
    }
}
