using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.TestingHost;
using StreamingMarketing.Contracts;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Silo.Hosting;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>Three silos in this process with the embedded stream configuration and shared in-memory grain state.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(3);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddStreamingMarketingGrains(new ConfigurationBuilder().Build());
            silo.AddMemoryGrainStorage(StorageNames.GrainState);
            EmbeddedProfile.AddMemoryStreams(silo, queues: 16);
            silo.AddIncomingGrainCallFilter<LostResponseToFlakyUsers>();
        });
        // The client maps streams to queues itself: it must agree with the silos on the queue count.
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePartitioning(16)));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
