using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Storage;
using Orleans.TestingHost;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.Catalog;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Tests.Durability;

/// <summary>
/// The catalog and the alert registry write through: a write refused by storage leaves nothing recorded (not even
/// in memory), so the caller's retry is saved whole instead of being taken for a repeat.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class WriteThroughGrainTests : IAsyncLifetime
{
    private InProcessTestCluster cluster = null!;
    private FailingWritesWindow storage = null!;
    private IGrainStorage underneath = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddStreamingMarketingGrains(new ConfigurationBuilder().Build());
            silo.AddMemoryGrainStorage("underneath");
            silo.AddMemoryStreams(Contracts.StreamNames.Provider, streams => streams.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ImplicitOnly));
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainState, (services, _) => new FailingWritesWindow(
                underneath = services.GetRequiredKeyedService<IGrainStorage>("underneath"), "catalog-count", "catalog-chunk", "alerts"));
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
        storage = (FailingWritesWindow)cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainState);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_campaign_whose_registration_write_failed_is_saved_when_it_registers_again()
    {
        var catalog = cluster.Client.GetGrain<ICampaignCatalogGrain>(0);
        var campaign = $"listed-{Guid.NewGuid():N}";

        storage.Open();
        await Assert.ThrowsAnyAsync<Exception>(() => catalog.RegisterAsync(campaign));
        Assert.DoesNotContain(campaign, (await catalog.GetPageAsync(0, 1_000)).CampaignIds);
        storage.Close();
        await catalog.RegisterAsync(campaign);

        Assert.Contains(campaign, (await catalog.GetPageAsync(0, 1_000)).CampaignIds);
        var count = new GrainState<CampaignCatalogCount>(new CampaignCatalogCount());
        await underneath.ReadStateAsync("catalog-count", catalog.GetGrainId(), count);
        var chunk = new GrainState<CampaignCatalogState>(new CampaignCatalogState());
        await underneath.ReadStateAsync("catalog-chunk", cluster.Client.GetGrain<ICampaignCatalogChunkGrain>(0).GetGrainId(), chunk);
        Assert.Equal(campaign, chunk.State!.CampaignIds[count.State!.Count - 1]);
    }

    [Fact]
    public async Task An_alert_whose_write_failed_is_saved_when_it_is_recorded_again()
    {
        var registry = cluster.Client.GetGrain<IAlertRegistryGrain>(AlertRegistry.KeyFor("c"));
        var alert = new AlertView
        {
            AlertId = Guid.NewGuid().ToString("N"), CampaignId = "c", Rule = "volume-spike", State = AlertStates.Open,
            OpenedAt = DateTime.UtcNow, Value = 5, Threshold = 3, Message = "test",
        };

        storage.Open();
        await Assert.ThrowsAnyAsync<Exception>(() => registry.RecordAsync(alert));
        Assert.DoesNotContain(await registry.ListAsync(AlertStates.Open, 100), a => a.AlertId == alert.AlertId);
        storage.Close();
        await registry.RecordAsync(alert);

        Assert.Contains(await registry.ListAsync(AlertStates.Open, 100), a => a.AlertId == alert.AlertId);
        var saved = new GrainState<AlertRegistryState>(new AlertRegistryState());
        await underneath.ReadStateAsync("alerts", registry.GetGrainId(), saved);
        Assert.True(saved.State!.Open.ContainsKey(alert.AlertId));
    }
}
