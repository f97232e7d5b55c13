using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Grains.Campaigns;

/// <summary>
/// Events published to a stream by this silo's process, against those of them its campaign grains have counted.
/// Only meaningful when producer and consumers share one process (the embedded profile's memory streams): a clean
/// shutdown waits for the two to meet, because memory-stream queues die with the process, and the co-hosted gateway
/// holds back publishing while too many are in flight. Each batch names its publisher, so a silo counts only
/// deliveries of what it published (a standalone gateway's events never drive the count below zero). One instance
/// per silo (a DI singleton), so silos sharing a process in tests keep their own counts.
/// </summary>
public sealed class InProcessDelivery
{
    private long published;
    private long delivered;

    public Guid Id { get; } = Guid.NewGuid();

    public long Pending => Interlocked.Read(ref published) - Interlocked.Read(ref delivered);

    public void Published(int events) => Interlocked.Add(ref published, events);

    /// <summary>Counts the batch as delivered if this process published it.</summary>
    public void Delivered(InteractionBatch batch)
    {
        if (batch.Publisher == Id)
        {
            Interlocked.Add(ref delivered, batch.Events.Length);
        }
    }
}
