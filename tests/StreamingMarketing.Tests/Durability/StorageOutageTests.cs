using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.Streams;
using Orleans.TestingHost;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Hosting;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Durability;

/// <summary>
/// Persistent streams (Azure Queue on Azurite, wired as the local-cluster profile wires them) in front of grain storage
/// that refuses campaign, insights and user writes for a while: stream items whose write failed are delivered again by
/// Orleans' pulling agent for real, receivers confirm parts only once written and sources send again what stays
/// unconfirmed, and every campaign and user ends exact.
/// </summary>
[Trait("Category", "Functional")]
public sealed class StorageOutageTests : IAsyncLifetime
{
    private AzuriteServer azurite = null!;
    private InProcessTestCluster cluster = null!;
    private FailingWritesWindow storage = null!;

    public async Task InitializeAsync()
    {
        azurite = await AzuriteServer.StartAsync();
        var azure = new AzureSettings { StorageConnectionString = azurite.ConnectionString, StreamQueues = 4 };
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Aggregation:WriteStateBeforeAck"] = "true",
                ["Aggregation:OutboxRetryDelay"] = "00:00:00.100",
                ["Aggregation:UserStateWriteInterval"] = "00:00:01",
            }).Build();
            silo.AddStreamingMarketingGrains(configuration);
            silo.AddMemoryGrainStorage("underneath");
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainState, (services, _) => new FailingWritesWindow(
                services.GetRequiredKeyedService<IGrainStorage>("underneath"), "campaign", "insights", "user"));
            silo.AddStreamingMarketingStreams(Profiles.LocalCluster, azure, MemoryStreamSettings.Default);
        });
        builder.ConfigureClient(client => client.AddStreamingMarketingStreams(Profiles.LocalCluster, azure, StreamNames.DefaultMemoryQueues));
        cluster = builder.Build();
        await cluster.DeployAsync();
        storage = (FailingWritesWindow)cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        await azurite.DisposeAsync();
    }

    /// <param name="partitioned">
    /// The persistent profiles' path (one stream item per partition of the campaigns, handed out by the partition's
    /// grain), or one stream per campaign.
    /// </param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Writes_refused_for_a_while_lose_nothing_and_count_nothing_twice(bool partitioned)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var campaigns = new[] { $"{run}-a", $"{run}-b" };
        var heavyUser = $"{run}-page";
        var provider = cluster.Client.GetStreamProvider(StreamNames.Provider);
        var expectedLikes = new Dictionary<string, long>();
        var n = 0;

        InteractionEvent[] Batch(string campaign, string user, int count) => [.. Enumerable.Range(0, count).Select(_ =>
        {
            expectedLikes[campaign] = expectedLikes.GetValueOrDefault(campaign) + 1;
            return Events.Interaction($"{run}-{n++}", EventType.Like, user, campaign, DateTime.UtcNow);
        })];

        async Task SendAsync(string campaign, InteractionEvent[] events) =>
            await provider.GetStream<InteractionBatch>(partitioned
                ? StreamId.Create(StreamNames.CampaignPartitions, StreamNames.PartitionOf(campaign, 4))
                : StreamId.Create(StreamNames.CampaignEvents, campaign)).OnNextAsync(new InteractionBatch(events));

        await SendAsync(campaigns[0], Batch(campaigns[0], $"{run}-warm", 1));
        Assert.True(await RunningSilo.EventuallyAsync(async () => await TotalLikesAsync(campaigns[0]) == 1));

        storage.Open();
        await SendAsync(campaigns[0], Batch(campaigns[0], heavyUser, 500));
        await SendAsync(campaigns[1], Batch(campaigns[1], heavyUser, 300));
        foreach (var user in Enumerable.Range(0, 20))
        {
            await SendAsync(campaigns[user % 2], Batch(campaigns[user % 2], $"{run}-u{user}", 5));
        }

        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(storage.Refused >= 3)), "the outage refused no write");
        await Task.Delay(TimeSpan.FromSeconds(3));
        storage.Close();

        foreach (var campaign in campaigns)
        {
            Assert.True(await RunningSilo.EventuallyAsync(async () => await TotalLikesAsync(campaign) == expectedLikes[campaign], TimeSpan.FromSeconds(60)),
                $"{campaign}: {await TotalLikesAsync(campaign)} likes, {expectedLikes[campaign]} sent");
        }

        var heavy = cluster.Client.GetGrain<IUserProfileGrain>(heavyUser);
        Assert.True(await RunningSilo.EventuallyAsync(async () => (await heavy.GetViewAsync())?.Totals["like"] == 800, TimeSpan.FromSeconds(60)),
            $"{heavyUser}: {(await heavy.GetViewAsync())?.Totals["like"]} likes, 800 sent");
        foreach (var user in Enumerable.Range(0, 20))
        {
            var profile = cluster.Client.GetGrain<IUserProfileGrain>($"{run}-u{user}");
            Assert.True(await RunningSilo.EventuallyAsync(async () => (await profile.GetViewAsync())?.Totals["like"] == 5, TimeSpan.FromSeconds(30)));
        }

        // Delivered twice or more, counted once: nothing trails any more, so a second look sees the same numbers.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(800, (await heavy.GetViewAsync())!.Totals["like"]);
        Assert.Equal(expectedLikes[campaigns[0]], await TotalLikesAsync(campaigns[0]));
    }

    private async Task<long> TotalLikesAsync(string campaign) =>
        (await cluster.Client.GetGrain<ICampaignGrain>(campaign).GetViewAsync())?.Totals["like"] ?? 0;
}
