namespace StreamingMarketing.Contracts.Events;

/// <summary>
/// Events published to a stream by this host, against events its grains have taken off a stream (and finished with).
/// Only meaningful when producer and consumers share one host (the embedded profile's memory streams): a clean shutdown
/// waits for the two to meet, because memory-stream queues die with the process. One instance per host (a DI
/// singleton), so silos sharing a process in tests don't read each other's counts.
/// </summary>
public sealed class InProcessDelivery
{
    private long published;
    private long delivered;

    public long Pending => Interlocked.Read(ref published) - Interlocked.Read(ref delivered);

    public void Published(int events) => Interlocked.Add(ref published, events);

    public void Delivered(int events) => Interlocked.Add(ref delivered, events);
}
