using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
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
/// Durable delivery as the persistent profiles run it: a user grain answers its courier before it writes, so a part can
/// be applied and then lost unsaved with the activation. The campaign keeps the part until the user confirms it
/// written, and sends it again once it stays unconfirmed past <c>Aggregation:PartResendAfter</c>.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class DurableDeliveryTests : IAsyncLifetime
{
    private InProcessTestCluster cluster = null!;
    private FailingWritesWindow storage = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Aggregation:WriteStateBeforeAck"] = "true",
                ["Aggregation:UserStateWriteInterval"] = "00:00:00.500",
                ["Aggregation:PartResendAfter"] = "00:00:01",
                ["Aggregation:PartResendCheck"] = "00:00:00.200",
            }).Build();
            silo.AddStreamingMarketingGrains(configuration);
            silo.AddMemoryGrainStorage("underneath");
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainState, (services, _) =>
                new FailingWritesWindow(services.GetRequiredKeyedService<IGrainStorage>("underneath"), "user"));
            silo.AddStreamingMarketingMemoryStreams(MemoryStreamSettings.Default with { Queues = 4 });
        });
        builder.ConfigureClient(client => client.AddStreamingMarketingStreams(Profiles.Embedded, new AzureSettings(), memoryQueues: 4));
        cluster = builder.Build();
        await cluster.DeployAsync();
        storage = (FailingWritesWindow)cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_part_applied_and_lost_unsaved_is_sent_again_and_counted_once()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var (campaign, user) = ($"{run}-campaign", $"{run}-page");
        var profile = cluster.Client.GetGrain<IUserProfileGrain>(user);
        var events = Enumerable.Range(0, 300).Select(i => Events.Interaction($"{run}-{i}", EventType.Like, user, campaign, DateTime.UtcNow)).ToArray();

        // The user applies all 300 while every write of its state is refused.
        storage.Open();
        await cluster.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<InteractionBatch>(StreamId.Create(StreamNames.CampaignEvents, campaign)).OnNextAsync(new InteractionBatch(events));
        Assert.True(await RunningSilo.EventuallyAsync(async () => (await profile.GetViewAsync())?.Totals["like"] == 300), "the user never applied the part");
        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(storage.Refused >= 1)), "no user write was refused");

        // Its activation goes, and its last write with it: what it applied is lost.
        await profile.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        storage.Close();

        Assert.True(await RunningSilo.EventuallyAsync(async () => (await profile.GetViewAsync())?.Totals["like"] == 300, TimeSpan.FromSeconds(30)),
            $"{(await profile.GetViewAsync())?.Totals["like"]} likes after the resend, 300 sent");

        // Confirmed now: later resend checks find nothing to send, so the count stays.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(300, (await profile.GetViewAsync())!.Totals["like"]);
    }
}
