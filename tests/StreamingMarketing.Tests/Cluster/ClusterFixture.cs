using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Grains.DeadLetters;
using Orleans.Hosting;
using Orleans.TestingHost;
using StreamingMarketing.Contracts;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Hosting;
using StreamingMarketing.Silo.Hosting;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>Three silos in this process with the embedded stream configuration and shared in-memory grain state.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>Dead letters of every silo.</summary>
    public RecordingDeadLetterSink DeadLetters { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            // Few, quick retries, so a part that can never be delivered is dead-lettered within a test's patience.
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Aggregation:OutboxDeliveryAttempts"] = "3",
                ["Aggregation:OutboxRetryDelay"] = "00:00:00.050",
            }).Build();
            silo.AddStreamingMarketingGrains(configuration);
            silo.Services.AddSingleton<IDeadLetterSink>(DeadLetters);
            silo.AddMemoryGrainStorage(StorageNames.GrainState);
            silo.AddStreamingMarketingMemoryStreams(MemoryStreamSettings.Default with { Queues = 16 });
            silo.AddIncomingGrainCallFilter<LostResponseToFlakyUsers>();
        });
        // The client maps streams to queues itself: it must agree with the silos on the queue count.
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePartitioning(16)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
