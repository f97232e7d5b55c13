using StreamingMarketing.Gateway.Hosting;
using StreamingMarketing.Grains.Outbox;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>
/// On a clean stop, after the streams drained: writes every grain state still unsaved and delivers the outbox parts
/// those writes release, so a clean stop loses nothing and leaves no part to resend.
/// </summary>
public sealed class UnsavedStateDrain(OutboxDrain outboxes, UnsavedGrains unsaved, ILogger<UnsavedStateDrain> logger) : IShutdownDrain
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var delivered = await outboxes.DrainAsync(MaxWait);
        var count = unsaved.Count;
        await unsaved.FlushAllAsync();
        logger.LogInformation("Outboxes {Outcome}; wrote the unsaved state of {Count} more grains", delivered ? "delivered" : "not all delivered", count);
    }
}
