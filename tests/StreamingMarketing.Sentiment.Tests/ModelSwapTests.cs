using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StreamingMarketing.Sentiment.Tests;

public sealed class ModelSwapTests
{
    [Fact]
    public async Task Newly_promoted_version_swaps_in_under_concurrent_load_with_zero_failed_requests()
    {
        using var temp = new TemporaryDirectory();
        var registry = new FileSystemModelRegistry(temp.Combine("models"));
        var options = new SentimentOptions { Device = ExecutionDevice.Cpu, RegistryPollSeconds = 0.2, SeedDirectory = Path.GetDirectoryName(Packages.Shipped) };
        await using var scorer = new SentimentService(Options.Create(options), new ListLogger<SentimentService>());
        using var watcher = new ModelRegistryWatcher(registry, scorer, Options.Create(options), new ListLogger<ModelRegistryWatcher>());
        await watcher.StartAsync(CancellationToken.None);
        await WaitUntil(() => scorer.IsReady, TimeSpan.FromSeconds(10));
        Assert.Equal(Packages.NewestShippedVersion, scorer.CurrentModel?.Version);

        using var stop = new CancellationTokenSource();
        var failures = 0;
        var completed = 0;
        var versionsSeen = new HashSet<string>();
        var load = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var result = await scorer.ScoreAsync([SampleTexts.Tweets[worker], SampleTexts.Tweets[worker + 8]]);
                    Assert.Equal(2, result.Count);
                    Interlocked.Increment(ref completed);
                    lock (versionsSeen)
                    {
                        versionsSeen.Add(scorer.CurrentModel!.Version);
                    }
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();

        await registry.PublishAsync(Packages.CopyAs("swapped-in", temp.Combine("build")));
        await registry.PromoteAsync("swapped-in");
        await WaitUntil(() => scorer.CurrentModel?.Version == "swapped-in", TimeSpan.FromSeconds(10));
        // Serve at least one request on the new version before swapping back: on a busy machine the load can miss
        // the window between the two swaps, and the test is about swapping under load, not about that race.
        await WaitUntil(() => { lock (versionsSeen) { return versionsSeen.Contains("swapped-in"); } }, TimeSpan.FromSeconds(30));
        await registry.PromoteAsync("sentiment-v1");
        await WaitUntil(() => scorer.CurrentModel?.Version == "sentiment-v1", TimeSpan.FromSeconds(10));
        var before = Volatile.Read(ref completed);
        await WaitUntil(() => Volatile.Read(ref completed) > before + 16, TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Task.WhenAll(load);
        await watcher.StopAsync(CancellationToken.None);

        Assert.Equal(0, failures);
        Assert.Contains("swapped-in", versionsSeen);
    }

    [Fact]
    public void Swapped_out_model_stays_usable_until_its_last_batch_releases_it()
    {
        var holder = new ModelHolder();
        var encoderSha = new EncoderFiles(EncoderFiles.DefaultDirectory).Sha256;
        var first = LoadedModel.Load(Packages.Shipped, encoderSha);
        holder.Swap(first);
        var lease = holder.Acquire()!;

        holder.Swap(LoadedModel.Load(Packages.Shipped, encoderSha));

        Assert.False(first.IsDisposed);
        Assert.Equal(3, lease.Predict(new float[SentenceEncoder.Dimensions], 1)["sentiment"].Length);
        lease.Release();
        Assert.True(first.IsDisposed);
        Assert.False(first.TryAcquire());
        holder.Dispose();
    }

    [Fact]
    public async Task Empty_registry_is_seeded_from_the_shipped_packages_and_the_newest_promoted()
    {
        using var temp = new TemporaryDirectory();
        var registry = new FileSystemModelRegistry(temp.Path);

        await ModelRegistrySeeder.SeedIfEmptyAsync(registry, Path.GetDirectoryName(Packages.Shipped)!, new ListLogger<ModelSwapTests>());

        Assert.Equal(Packages.NewestShippedVersion, await registry.GetPromotedVersionAsync());
        Assert.Equal(["sentiment-v1", "sentiment-v2", "sentiment-v3", "sentiment-v4", "sentiment-v5", Packages.NewestShippedVersion], (await registry.ListAsync()).Select(m => m.Version));
    }

    [Fact]
    public void The_newest_shipped_package_is_the_one_created_last_not_the_name_that_sorts_last()
    {
        using var temp = new TemporaryDirectory();
        var manifest = File.ReadAllText(Path.Combine(Packages.Shipped, "manifest.json"));
        var shipped = ModelManifest.Read(Packages.Shipped);
        foreach (var (version, days) in new[] { ("sentiment-v9", 1), ("sentiment-v10", 2) })
        {
            Directory.CreateDirectory(Path.Combine(temp.Path, version));
            File.WriteAllText(Path.Combine(temp.Path, version, "manifest.json"), manifest
                .Replace($"\"{shipped.Version}\"", $"\"{version}\"")
                .Replace(JsonSerializer.Serialize(shipped.CreatedAt), JsonSerializer.Serialize(shipped.CreatedAt.AddDays(days))));
        }

        Assert.Equal(Packages.NewestShippedVersion, ModelRegistrySeeder.NewestShipped(Path.GetDirectoryName(Packages.Shipped)!));
        Assert.Equal(shipped.CreatedAt.AddDays(2), ModelManifest.Read(Path.Combine(temp.Path, "sentiment-v10")).CreatedAt);
        Assert.Equal("sentiment-v10", ModelRegistrySeeder.NewestShipped(temp.Path));
    }

    [Fact]
    public async Task Di_registration_serves_the_seeded_model_from_the_data_directory()
    {
        using var temp = new TemporaryDirectory();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Sentiment:Device"] = "cpu", ["Sentiment:MaxBatchSize"] = "16" })
            .Build();
        await using var provider = new ServiceCollection()
            .AddLogging(builder => builder.SetMinimumLevel(LogLevel.Warning))
            .AddSentimentScoring(configuration, temp.Path)
            .BuildServiceProvider();
        var hosted = provider.GetServices<IHostedService>().ToList();
        foreach (var service in hosted)
        {
            await service.StartAsync(CancellationToken.None);
        }

        var scorer = provider.GetRequiredService<SentimentService>();
        await WaitUntil(() => scorer.IsReady, TimeSpan.FromSeconds(10));
        var result = await scorer.ScoreAsync(["Loving the new release!"]);
        foreach (var service in hosted)
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal("positive", result.Single().Label);
        Assert.Equal(16, provider.GetRequiredService<IOptions<SentimentOptions>>().Value.MaxBatchSize);
        Assert.True(File.Exists(Path.Combine(temp.Path, "models", "current.json")));
    }

    internal static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), $"condition not met within {timeout}");
    }
}
