using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Tests.Durability;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.Allocation;

/// <summary>
/// The allocation grain under a storage outage: a step whose write was refused is not kept, so the read after the
/// outage takes it again from the stored split and announces it; nothing is announced that storage did not keep.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class AllocationStorageFailureTests : IAsyncLifetime
{
    private InProcessTestCluster cluster = null!;
    private FailingWritesWindow storage = null!;
    private WebhookReceiver receiver = null!;

    public async Task InitializeAsync()
    {
        receiver = await WebhookReceiver.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:Webhooks:0:Url"] = receiver.Url,
            ["Allocation:RefreshInterval"] = "01:00:00",
        }).Build();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddStreamingMarketingGrains(configuration);
            silo.AddMemoryGrainStorage("underneath");
            silo.AddMemoryStreams(Contracts.StreamNames.Provider, streams => streams.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly));
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainState, (services, _) =>
                new FailingWritesWindow(services.GetRequiredKeyedService<IGrainStorage>("underneath"), "allocation"));
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
        storage = (FailingWritesWindow)cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        await receiver.DisposeAsync();
    }

    private static InteractionEvent[] Traffic(string campaign, string variant, int impressions, int clicks) =>
    [
        .. Enumerable.Range(0, impressions).Select(i => Events.Interaction(Burst.Id("i"), EventType.Impression, $"u{i}", campaign, DateTime.UtcNow) with { Variant = variant }),
        .. Enumerable.Range(0, clicks).Select(i => Events.Interaction(Burst.Id("c"), EventType.Click, $"u{i}", campaign, DateTime.UtcNow) with { Variant = variant }),
    ];

    [Fact]
    public async Task A_step_whose_write_was_refused_is_taken_again_after_the_outage_and_announced_once()
    {
        var campaign = Burst.Id("alloc-outage");
        await cluster.Client.GetGrain<ICampaignGrain>(campaign).CountAsync([new InteractionBatch([.. Traffic(campaign, "a", 2_000, 20), .. Traffic(campaign, "b", 2_000, 80)])]);
        var allocation = cluster.Client.GetGrain<ICampaignAllocationGrain>(campaign);

        storage.Open();
        await Assert.ThrowsAnyAsync<Exception>(() => allocation.GetAllocationAsync(VariantMetric.Ctr));
        await Task.Delay(500);
        Assert.Empty(receiver.Deliveries);
        storage.Close();
        var view = (await allocation.GetAllocationAsync(VariantMetric.Ctr))!;

        Assert.Equal(1, view.Steps);
        Assert.Equal(0.7, view.Variants.Single(v => v.Variant == "b").Share, precision: 9);
        Assert.True(await RunningSilo.EventuallyAsync(() => Task.FromResult(!receiver.Deliveries.IsEmpty)));
        await Task.Delay(500);
        var delivery = Assert.Single(receiver.Deliveries);
        Assert.Equal(AllocationChangedNotification.EventName, delivery.Event);
        Assert.Equal(0.5, delivery.Json.GetProperty("previous").GetProperty("b").GetDouble());
    }
}
