namespace StreamingMarketing.Gateway.Ingest;

/// <summary>
/// Lets a clean shutdown close ingest and wait for requests already publishing, so nothing acknowledged is
/// still on its way into a stream when the silo stops.
/// </summary>
public sealed class IngestGate
{
    private int inFlight;
    private volatile bool closed;

    public bool IsClosed => closed;

    public bool TryEnter()
    {
        Interlocked.Increment(ref inFlight);
        if (!closed)
        {
            return true;
        }

        Interlocked.Decrement(ref inFlight);
        return false;
    }

    public void Exit() => Interlocked.Decrement(ref inFlight);

    public async Task CloseAndDrainAsync(TimeSpan timeout)
    {
        closed = true;
        var deadline = DateTime.UtcNow + timeout;
        while (Volatile.Read(ref inFlight) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }
}
