using System.Collections.Concurrent;
using Azure.Messaging.EventHubs;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streaming.EventHubs.Testing;

namespace StreamingMarketing.Tests.EventHubs;

/// <summary>
/// What the developer event-data generator streams produce, per stream. The generator adapter asks the silo's
/// services for a keyed <c>Func&lt;StreamId, IStreamDataGenerator&lt;EventData&gt;&gt;</c> (else it uses Orleans'
/// <see cref="SimpleStreamEventDataGenerator"/> unbounded) whenever a stream is placed on one of its partitions; the
/// factories here also record that placement, which is how a test knows the partition's receiver was ready.
/// Static because the in-process test cluster's silos share this process with the test.
/// </summary>
public static class GeneratedTraffic
{
    /// <summary>How many integers a stream of Orleans' own generator produces here.</summary>
    public const int SimpleLimit = 100;

    private static readonly ConcurrentDictionary<StreamId, ConcurrentQueue<object>> Scripts = new();
    private static readonly ConcurrentDictionary<StreamId, int> Placements = new();

    /// <summary>The items a scripted stream will produce, in order, each as one Event Hubs event.</summary>
    public static void Script(StreamId stream, IEnumerable<object> items) => Scripts[stream] = new ConcurrentQueue<object>(items);

    public static bool IsPlaced(StreamId stream) => Placements.ContainsKey(stream);

    public static Func<StreamId, IStreamDataGenerator<EventData>> Scripted(IServiceProvider services)
    {
        var serializer = services.GetRequiredService<Serializer>();
        return stream => Placed(stream, new BoundedEventDataGenerator(
            new ScriptedEventDataGenerator(stream, Scripts[stream], serializer), int.MaxValue, serializer));
    }

    /// <summary>Orleans' own generator: each event's payload is the partition's sequence number.</summary>
    public static Func<StreamId, IStreamDataGenerator<EventData>> Simple(IServiceProvider services)
    {
        var serializer = services.GetRequiredService<Serializer>();
        var simple = SimpleStreamEventDataGenerator.CreateFactory(services);
        return stream => Placed(stream, new BoundedEventDataGenerator(simple(stream), SimpleLimit, serializer));
    }

    private static IStreamDataGenerator<EventData> Placed(StreamId stream, IStreamDataGenerator<EventData> generator)
    {
        Placements.AddOrUpdate(stream, 1, (_, count) => count + 1);
        return generator;
    }
}
