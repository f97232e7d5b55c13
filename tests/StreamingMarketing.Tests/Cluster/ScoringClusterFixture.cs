using Microsoft.Extensions.Configuration;
using Orleans.Hosting;
using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.TestingHost;
using StreamingMarketing.Contracts;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.Placement;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Sentiment;
using StreamingMarketing.Hosting;
using StreamingMarketing.Silo.Hosting;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>Two silos; only the first holds the scoring role and runs the real ONNX scorer with the shipped model.</summary>
public sealed class ScoringClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public string ScoringSiloName { get; private set; } = string.Empty;

    private int configured;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        var configuration = new ConfigurationBuilder().Build();
        builder.ConfigureSilo((options, silo) =>
        {
            // Silos may be configured concurrently: exactly the first one configured scores.
            var scoring = Interlocked.Increment(ref configured) == 1;
            if (scoring)
            {
                ScoringSiloName = options.SiloName;
            }

            ConfigureSilo(silo, scoring, configuration);
        });
        ConfigureClient(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();

        // The registry watcher loads the first model in the background: tests start once it serves.
        var ready = await RunningSilo.EventuallyAsync(async () =>
            await Client.GetGrain<Contracts.Grains.ISentimentScorerGrain>(0).GetCurrentModelAsync() is not null, TimeSpan.FromSeconds(60));
        if (!ready)
        {
            throw new InvalidOperationException("The scoring silo never loaded a sentiment model.");
        }
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>A test silo with the embedded stream configuration, shared in-memory state and, if scoring, the real scorer.</summary>
    public static void ConfigureSilo(ISiloBuilder silo, bool scoring, IConfiguration configuration)
    {
        if (scoring)
        {
            silo.Services.AddSentimentScoring(configuration, RunningSilo.NewDataDir());
        }

        silo.UseSiloMetadata(new Dictionary<string, string> { [SiloRoles.MetadataKey] = scoring ? SiloRoles.Scoring : "ingest" });
        silo.AddStreamingMarketingGrains(configuration);
        silo.AddMemoryGrainStorage(StorageNames.GrainState);
        silo.AddStreamingMarketingMemoryStreams(MemoryStreamSettings.Default with { Queues = 16 });
    }

    public static void ConfigureClient(InProcessTestClusterBuilder builder) =>
        builder.ConfigureClient(client => client.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePartitioning(16)));
}
