namespace StreamingMarketing.Contracts.Events;

/// <summary>
/// Events published to a stream by this process, against events its grains have taken off a stream. Only meaningful
/// when producer and consumers share one process (the embedded profile's memory streams): a clean shutdown waits for
/// the two to meet, because memory-stream queues die with the process.
/// </summary>
public static class InProcessDelivery
{
    private static long published;
    private static long delivered;

    public static long Pending => Interlocked.Read(ref published) - Interlocked.Read(ref delivered);

    public static void Published(int events) => Interlocked.Add(ref published, events);

    public static void Delivered(int events) => Interlocked.Add(ref delivered, events);
}
