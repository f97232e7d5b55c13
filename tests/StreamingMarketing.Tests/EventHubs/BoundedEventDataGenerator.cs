using System.Diagnostics.CodeAnalysis;
using Azure.Messaging.EventHubs;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streaming.EventHubs.Testing;

namespace StreamingMarketing.Tests.EventHubs;

/// <summary>
/// Lets a stream's generator run dry without hanging its partition. Orleans' EventHubPartitionDataGenerator calls
/// the stream generators of a partition until it has collected the full read (1,000 events); one that produces
/// nothing more (used up, or told to stop) would keep that loop spinning on a thread-pool thread for good. So after
/// at most <paramref name="limit"/> events of the inner generator, the rest of each read is made of events on a
/// stream nobody subscribes to, and a read with nothing real in it first waits a second, as a quiet hub would.
/// </summary>
public sealed class BoundedEventDataGenerator(IStreamDataGenerator<EventData> inner, int limit, Serializer serializer) : IStreamDataGenerator<EventData>
{
    private static readonly StreamId Idle = StreamId.Create("generator-idle", "idle");
    private static readonly TimeSpan QuietRead = TimeSpan.FromSeconds(1);

    private IIntCounter counter = null!;
    private int produced;

    public StreamId StreamId => inner.StreamId;

    public IIntCounter SequenceNumberCounter
    {
        set => counter = inner.SequenceNumberCounter = value;
    }

    public bool ShouldProduce
    {
        set => inner.ShouldProduce = value;
    }

    public bool TryReadEvents(int maxCount, [NotNullWhen(true)] out IEnumerable<EventData>? events)
    {
        var read = new List<EventData>(maxCount);
        if (produced < limit && inner.TryReadEvents(Math.Min(maxCount, limit - produced), out var real))
        {
            read.AddRange(real);
            produced += read.Count;
        }

        if (read.Count == 0)
        {
            // The partition loop is synchronous: this is the only place a quiet partition can wait.
            Thread.Sleep(QuietRead);
        }

        while (read.Count < maxCount)
        {
            counter.Increment();
            read.Add(GeneratedEventData.Create(serializer, Idle, counter.Value, []));
        }

        events = read;
        return true;
    }
}
