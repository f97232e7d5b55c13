using System.Diagnostics.Metrics;

namespace StreamingMarketing.Benchmarks.Pipeline;

/// <summary>
/// What a phase cost beside its time: bytes allocated (the whole process: stream, grains and sender), time paused for
/// garbage collection, and the receiver-grain calls the outbox couriers made, read from the product's own
/// <c>streamingmarketing.outbox.calls</c> counter.
/// </summary>
public sealed class PhaseCosts : IDisposable
{
    private readonly MeterListener listener = new();
    private long courierCalls;

    public PhaseCosts()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "streamingmarketing.outbox.calls")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref courierCalls, value));
        listener.Start();
    }

    public Snapshot Take() => new(GC.GetTotalAllocatedBytes(precise: false), GC.GetTotalPauseDuration(), Interlocked.Read(ref courierCalls));

    public void Dispose() => listener.Dispose();

    public readonly record struct Snapshot(long AllocatedBytes, TimeSpan GcPause, long CourierCalls)
    {
        public static Snapshot operator -(Snapshot after, Snapshot before) =>
            new(after.AllocatedBytes - before.AllocatedBytes, after.GcPause - before.GcPause, after.CourierCalls - before.CourierCalls);
    }
}
