namespace StreamingMarketing.Gateway.Ingest;

/// <summary>
/// What the host tells its publisher about events in flight: published by this process and not yet applied by its
/// grains. A silo co-hosting the gateway counts them (its memory-stream queues die with the process, so publishing
/// waits while too many are in flight); a standalone gateway cannot see deliveries and counts nothing
/// (<see cref="UncountedInFlightEvents"/>), relying on the stream provider's own "queue full" answer instead.
/// </summary>
public interface IInFlightEvents
{
    /// <summary>Stamped on each published batch, so only this process counts its delivery.</summary>
    Guid PublisherId { get; }

    long Pending { get; }

    void Published(int events);
}

/// <summary>A host that does not see its events applied (a standalone gateway).</summary>
public sealed class UncountedInFlightEvents : IInFlightEvents
{
    public Guid PublisherId => Guid.Empty;

    public long Pending => 0;

    public void Published(int events)
    {
    }
}
