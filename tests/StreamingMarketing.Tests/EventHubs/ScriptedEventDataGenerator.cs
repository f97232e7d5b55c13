using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Azure.Messaging.EventHubs;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streaming.EventHubs.Testing;

namespace StreamingMarketing.Tests.EventHubs;

/// <summary>
/// Produces a fixed list of stream items, one Event Hubs event each, then nothing: unlike Orleans' endless
/// generator, a test can expect exact totals. Runs inside <see cref="BoundedEventDataGenerator"/>, which keeps the
/// partition going once the list is used up.
/// </summary>
public sealed class ScriptedEventDataGenerator(StreamId streamId, ConcurrentQueue<object> items, Serializer serializer) : IStreamDataGenerator<EventData>
{
    public StreamId StreamId { get; } = streamId;

    /// <summary>Shared by every stream of the partition, as Event Hubs numbers a partition's events.</summary>
    public IIntCounter SequenceNumberCounter { private get; set; } = null!;

    public bool ShouldProduce { private get; set; } = true;

    public bool TryReadEvents(int maxCount, [NotNullWhen(true)] out IEnumerable<EventData>? events)
    {
        var read = new List<EventData>();
        while (ShouldProduce && read.Count < maxCount && items.TryDequeue(out var item))
        {
            SequenceNumberCounter.Increment();
            read.Add(GeneratedEventData.Create(serializer, StreamId, SequenceNumberCounter.Value, [item]));
        }

        events = read.Count > 0 ? read : null;
        return events is not null;
    }
}
