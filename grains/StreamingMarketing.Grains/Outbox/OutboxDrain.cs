using Microsoft.Extensions.Logging;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Grains.Users;

namespace StreamingMarketing.Grains.Outbox;

/// <summary>
/// Brings this silo's pipeline to rest: writes the grains that hold outboxes, waits for the parts those writes
/// released to arrive, and repeats while receivers release more (campaign → insights → users' scores). A clean stop
/// runs it after the streams drained and then writes every other unsaved grain; the benchmark runs it to end a phase
/// with every event applied everywhere.
/// </summary>
public sealed class OutboxDrain(
    UnsavedGrains unsaved, UserPartCourier users, InsightsPartCourier insights, SegmentChangeRelay segments, ILogger<OutboxDrain> logger)
{
    /// <summary>Campaign parts, then insights' score parts, then the users' last writes, with one pass to spare.</summary>
    private const int MaxPasses = 4;

    /// <summary>True when nothing is left in flight; false if <paramref name="maxWait"/> passed first.</summary>
    public async Task<bool> DrainAsync(TimeSpan maxWait)
    {
        var deadline = DateTime.UtcNow + maxWait;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            try
            {
                await unsaved.FlushOutboxHoldersAsync();
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "A grain state write failed while draining; its grain keeps the change for a later write");
            }

            while (users.Pending + insights.Pending > 0)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    logger.LogError("Outbox parts of {Count} events are still undelivered; their grains' saved outboxes send them again", users.Pending + insights.Pending);
                    return false;
                }

                await Task.Delay(10);
            }

            segments.Flush();
        }

        return true;
    }
}
