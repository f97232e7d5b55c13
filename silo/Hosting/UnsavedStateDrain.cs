using StreamingMarketing.Gateway.Hosting;
using StreamingMarketing.Grains.Outbox;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>
/// On a clean stop, after the streams drained: writes every grain state still unsaved and delivers the outbox parts
/// those writes release, so a clean stop loses nothing and leaves no part to resend.
/// </summary>
public sealed class UnsavedStateDrain(OutboxDrain outboxes, ILogger<UnsavedStateDrain> logger) : IShutdownDrain
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        if (await outboxes.DrainAsync(MaxWait))
        {
            logger.LogInformation("Grain state written and outboxes delivered");
        }
    }
}
