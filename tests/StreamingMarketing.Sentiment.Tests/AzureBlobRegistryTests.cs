using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace StreamingMarketing.Sentiment.Tests;

/// <summary>The Azure Blob registry against a real Azurite (started by <see cref="AzuriteFixture"/>).</summary>
[Trait("Category", "Integration")]
public sealed class AzureBlobRegistryTests : IClassFixture<AzuriteFixture>
{
    private readonly AzuriteFixture azurite;

    public AzureBlobRegistryTests(AzuriteFixture azurite) => this.azurite = azurite;

    [Fact]
    public async Task Publishes_promotes_and_downloads_a_package_that_loads()
    {
        using var temp = new TemporaryDirectory();
        var registry = NewRegistry(temp);

        await registry.PublishAsync(Packages.Shipped);
        await registry.PromoteAsync("sentiment-v1");
        var local = await registry.GetLocalPackageAsync("sentiment-v1");

        Assert.Equal("sentiment-v1", await registry.GetPromotedVersionAsync());
        Assert.Equal(["sentiment-v1"], (await registry.ListAsync()).Select(m => m.Version));
        Assert.Equal(ModelManifest.Read(Packages.Shipped).Head.Sha256, ModelPackage.Verify(local).Head.Sha256);
        await using var scorer = new SentimentService(Options.Create(new SentimentOptions { Device = ExecutionDevice.Cpu }), new ListLogger<SentimentService>());
        Assert.Equal("sentiment-v1", scorer.Activate(local).Version);
    }

    [Fact]
    public async Task Empty_container_has_no_promoted_version_until_seeded()
    {
        using var temp = new TemporaryDirectory();
        var registry = NewRegistry(temp);

        Assert.Null(await registry.GetPromotedVersionAsync());
        await ModelRegistrySeeder.SeedIfEmptyAsync(registry, Path.GetDirectoryName(Packages.Shipped)!, new ListLogger<AzureBlobRegistryTests>());

        Assert.Equal(Packages.NewestShippedVersion, await registry.GetPromotedVersionAsync());
    }

    [Fact]
    public async Task Refuses_to_overwrite_a_published_version()
    {
        using var temp = new TemporaryDirectory();
        var registry = NewRegistry(temp);
        await registry.PublishAsync(Packages.Shipped);

        await Assert.ThrowsAsync<InvalidOperationException>(() => registry.PublishAsync(Packages.Shipped));
    }

    [Fact]
    public async Task Watcher_swaps_to_a_version_promoted_in_blob_storage_and_refuses_a_corrupt_one()
    {
        using var temp = new TemporaryDirectory();
        var container = azurite.NewContainer();
        var registry = new AzureBlobModelRegistry(container, temp.Combine("cache"));
        await registry.PublishAsync(Packages.Shipped);
        await registry.PromoteAsync("sentiment-v1");
        var options = new SentimentOptions { Device = ExecutionDevice.Cpu };
        await using var scorer = new SentimentService(Options.Create(options), new ListLogger<SentimentService>());
        var watcher = new ModelRegistryWatcher(registry, scorer, Options.Create(options), new ListLogger<ModelRegistryWatcher>());
        Assert.True(await watcher.PollOnceAsync());

        await registry.PublishAsync(Packages.CopyAs("sentiment-v2", temp.Combine("build")));
        await registry.PromoteAsync("sentiment-v2");
        Assert.True(await watcher.PollOnceAsync());
        Assert.Equal("sentiment-v2", scorer.CurrentModel?.Version);

        var broken = Packages.CopyAs("sentiment-v3", temp.Combine("build"));
        await registry.PublishAsync(broken);
        await container.GetBlobClient("sentiment-v3/sentiment.onnx").UploadAsync(BinaryData.FromString("not an onnx graph"), overwrite: true);
        await registry.PromoteAsync("sentiment-v3");
        Assert.False(await watcher.PollOnceAsync());
        Assert.Equal("sentiment-v2", scorer.CurrentModel?.Version);
        Assert.False(Directory.Exists(temp.Combine("cache", "sentiment-v3")));
    }

    private AzureBlobModelRegistry NewRegistry(TemporaryDirectory temp) => new(azurite.NewContainer(), temp.Combine("cache"));
}
