using Azure.Messaging.EventHubs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting.Developer;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streaming.EventHubs.Testing;
using Orleans.Streams;
using Orleans.TestingHost;
using StreamingMarketing.Contracts;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Tests.EventHubs;

/// <summary>
/// One silo whose stream providers are Orleans' developer event-data generator streams: the Event Hubs adapter,
/// receivers, data adapter, cache and pulling agents, with generated events in place of an Event Hubs namespace.
/// The product's provider name ("interactions") runs scripted product traffic into the real campaign grains; a
/// second provider runs Orleans' own integer generator. One silo, because a generator keeps its streams in the
/// receiver's memory: a partition rebalanced to another silo would start again with no streams on it.
/// </summary>
public sealed class EventDataGeneratorClusterFixture : IAsyncLifetime
{
    public const string IntsProvider = "generated-ints";
    public const int Partitions = 4;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddStreamingMarketingGrains(new ConfigurationBuilder().Build());
            silo.AddMemoryGrainStorage(StorageNames.GrainState);
            AddGeneratorStreams(silo, StreamNames.Provider, GeneratedTraffic.Scripted);
            AddGeneratorStreams(silo, IntsProvider, GeneratedTraffic.Simple);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>
    /// Puts a generator for <paramref name="stream"/> on one of the provider's partitions. The command does nothing
    /// while that partition's receiver is still starting, so it is repeated until a generator was made for the stream.
    /// </summary>
    public async Task PlaceStreamAsync(string provider, StreamId stream)
    {
        var management = Client.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!GeneratedTraffic.IsPlaced(stream))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no receiver of {provider} took stream {stream} within 30 s");
            }

            await management.SendControlCommandToProvider<PersistentStreamProvider>(provider,
                (int)EventDataGeneratorAdapterFactory.Commands.Randomly_Place_Stream_To_Queue,
                new EventDataGeneratorAdapterFactory.StreamRandomPlacementArg(stream, Random.Shared.Next(Partitions)));
            if (!GeneratedTraffic.IsPlaced(stream))
            {
                await Task.Delay(100);
            }
        }
    }

    private static void AddGeneratorStreams(ISiloBuilder silo, string name, Func<IServiceProvider, Func<StreamId, IStreamDataGenerator<EventData>>> generators)
    {
        silo.AddEventDataGeneratorStreams(name, streams =>
        {
            streams.Configure<EventDataGeneratorStreamOptions>(options => options.Configure(o => o.EventHubPartitionCount = Partitions));
            // Generated events cannot be replayed, so there is nothing to checkpoint (Orleans' own tests do the same).
            streams.ConfigureComponent<IStreamQueueCheckpointerFactory>((_, _) => NoOpCheckpointerFactory.Instance);
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
        silo.Services.AddKeyedSingleton<Func<StreamId, IStreamDataGenerator<EventData>>>(name, (services, _) => generators(services));
    }
}
