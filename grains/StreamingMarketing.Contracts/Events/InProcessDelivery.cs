namespace StreamingMarketing.Contracts.Events;

/// <summary>
/// Events published to a stream by this host, against those of them its campaign grains have counted. Only
/// meaningful when producer and consumers share one host (the embedded profile's memory streams): a clean shutdown
/// waits for the two to meet, because memory-stream queues die with the process. Each batch names its publisher, so a
/// host counts only deliveries of what it published (a standalone gateway's events never drive a silo's count
/// below zero). One instance per host (a DI singleton), so silos sharing a process in tests keep their own counts.
/// </summary>
public sealed class InProcessDelivery
{
    private long published;
    private long delivered;

    public Guid Id { get; } = Guid.NewGuid();

    public long Pending => Interlocked.Read(ref published) - Interlocked.Read(ref delivered);

    public void Published(int events) => Interlocked.Add(ref published, events);

    /// <summary>Counts the batch as delivered if this host published it.</summary>
    public void Delivered(InteractionBatch batch)
    {
        if (batch.Publisher == Id)
        {
            Interlocked.Add(ref delivered, batch.Events.Length);
        }
    }
}
