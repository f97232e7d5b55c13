using Microsoft.Extensions.Options;

namespace StreamingMarketing.Sentiment.Tests;

public sealed class CorruptPackageTests
{
    [Fact]
    public async Task Corrupt_promoted_package_is_refused_and_the_old_model_keeps_serving()
    {
        using var temp = new TemporaryDirectory();
        var (registry, scorer, watcher, log) = await ServingV1(temp);
        await using var _ = scorer;

        // Written straight into the registry, as a torn copy or disk fault would leave it.
        var broken = Packages.CopyAs("sentiment-v2", temp.Combine("models"));
        Packages.CorruptHead(broken);
        await registry.PromoteAsync("sentiment-v2");

        Assert.False(await watcher.PollOnceAsync());
        Assert.Equal("sentiment-v1", scorer.CurrentModel?.Version);
        Assert.Single(await scorer.ScoreAsync(["still serving"]));
        Assert.Contains(log.Entries, e => e.Message.Contains("Refused model sentiment-v2", StringComparison.Ordinal)
            && e.Message.Contains("is corrupt", StringComparison.Ordinal) && e.Message.Contains("Still serving sentiment-v1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Partial_package_without_its_head_file_is_refused()
    {
        using var temp = new TemporaryDirectory();
        var (registry, scorer, watcher, log) = await ServingV1(temp);
        await using var _ = scorer;
        var partial = Packages.CopyAs("sentiment-v2", temp.Combine("models"));
        File.Delete(Path.Combine(partial, "sentiment.onnx"));
        await registry.PromoteAsync("sentiment-v2");

        Assert.False(await watcher.PollOnceAsync());
        Assert.Equal("sentiment-v1", scorer.CurrentModel?.Version);
    }

    [Fact]
    public async Task Package_with_an_unreadable_manifest_is_refused_with_a_clear_error()
    {
        using var temp = new TemporaryDirectory();
        var package = Packages.CopyAs("sentiment-v2", temp.Path);
        await File.WriteAllTextAsync(Path.Combine(package, ModelManifest.FileName), "{ \"version\": ");
        await using var scorer = Scorers.CreateServing();

        var exception = Assert.Throws<ModelPackageException>(() => scorer.Activate(package));

        Assert.Contains("is not a valid model manifest", exception.Message, StringComparison.Ordinal);
        Assert.Equal("sentiment-v1", scorer.CurrentModel?.Version);
    }

    [Fact]
    public async Task Package_trained_on_another_encoder_is_refused()
    {
        using var temp = new TemporaryDirectory();
        var package = Packages.CopyAs("sentiment-v2", temp.Path);
        var manifest = ModelManifest.Read(package);
        (manifest with { Encoder = manifest.Encoder with { Sha256 = new string('0', 64) } }).Write(package);
        await using var scorer = Scorers.CreateServing();

        var exception = Assert.Throws<ModelPackageException>(() => scorer.Activate(package));

        Assert.Contains("was trained on encoder", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_a_corrupt_package_is_refused_and_leaves_nothing_behind()
    {
        using var temp = new TemporaryDirectory();
        var registry = new FileSystemModelRegistry(temp.Combine("models"));
        var package = Packages.CopyAs("sentiment-v2", temp.Combine("build"));
        Packages.CorruptHead(package);

        await Assert.ThrowsAsync<ModelPackageException>(() => registry.PublishAsync(package));

        Assert.Empty(await registry.ListAsync());
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Combine("models")));
    }

    [Fact]
    public async Task Publishing_an_existing_version_again_is_refused()
    {
        using var temp = new TemporaryDirectory();
        var registry = new FileSystemModelRegistry(temp.Combine("models"));
        await registry.PublishAsync(Packages.Shipped);

        await Assert.ThrowsAsync<InvalidOperationException>(() => registry.PublishAsync(Packages.Shipped));
    }

    private static async Task<(FileSystemModelRegistry Registry, SentimentService Scorer, ModelRegistryWatcher Watcher, ListLogger<ModelRegistryWatcher> Log)> ServingV1(TemporaryDirectory temp)
    {
        var registry = new FileSystemModelRegistry(temp.Combine("models"));
        await registry.PublishAsync(Packages.Shipped);
        await registry.PromoteAsync("sentiment-v1");
        var options = new SentimentOptions { Device = ExecutionDevice.Cpu };
        var scorer = new SentimentService(Options.Create(options), new ListLogger<SentimentService>());
        var log = new ListLogger<ModelRegistryWatcher>();
        var watcher = new ModelRegistryWatcher(registry, scorer, Options.Create(options), log);
        Assert.True(await watcher.PollOnceAsync());
        return (registry, scorer, watcher, log);
    }
}
