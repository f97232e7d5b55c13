using System.Net.Http.Json;
using System.Text.Json;
using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.Training;

/// <summary>train → publish → a running silo swaps; rollback; a corrupt package never displaces the serving one.</summary>
public sealed class TrainPublishSwapTests(TrainingSilo silo) : IClassFixture<TrainingSilo>
{
    private static readonly TimeSpan SwapWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_published_package_is_served_within_10_seconds_and_rollback_swaps_back()
    {
        var before = await silo.EventuallyServesAsync(_ => true, SwapWithin);
        var version = $"trained-{Guid.NewGuid():N}"[..20];

        var exitCode = await TrainCommands.TrainAsync([.. TrainCommands.Quick(silo.DataDir, version), "--publish", "--force"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(version, await silo.EventuallyServesAsync(v => v == version, SwapWithin));

        Assert.Equal(0, await TrainCommands.RollbackAsync(before!, silo.DataDir));
        Assert.Equal(before, await silo.EventuallyServesAsync(v => v == before, SwapWithin));
    }

    [Fact]
    public async Task The_api_answers_emotion_and_brand_safety_from_a_trained_package()
    {
        var version = $"heads-{Guid.NewGuid():N}"[..20];
        Assert.Equal(0, await TrainCommands.TrainAsync([.. TrainCommands.Quick(silo.DataDir, version), "--publish", "--force"]));
        Assert.Equal(version, await silo.EventuallyServesAsync(v => v == version, SwapWithin));

        var response = await silo.Http.PostAsJsonAsync("/api/sentiment", new { texts = new[] { "I love this, best day ever!" } });
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];

        var emotion = result.GetProperty("emotion");
        Assert.Contains(emotion.GetProperty("label").GetString(), SentimentService.ExtraHeadLabels[SentimentService.EmotionTask]);
        Assert.Equal(1.0, emotion.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()), 3);
        Assert.InRange(result.GetProperty("brandSafety").GetProperty("offensive").GetDouble(), 0, 1);
        Assert.InRange(result.GetProperty("brandSafety").GetProperty("hate").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task A_corrupt_promoted_package_is_refused_and_the_silo_keeps_serving()
    {
        var serving = await silo.EventuallyServesAsync(_ => true, SwapWithin);
        var registry = new FileSystemModelRegistry(Path.Combine(silo.DataDir, "models"));
        using var staging = new TemporaryDirectory();
        var corrupt = Packages.CopyAs($"corrupt-{Guid.NewGuid():N}"[..20], staging.Path);
        await registry.PublishAsync(corrupt);
        Packages.CorruptHead(Path.Combine(silo.DataDir, "models", Path.GetFileName(corrupt)));

        await registry.PromoteAsync(Path.GetFileName(corrupt));
        var swapped = await silo.Watcher.PollOnceAsync();

        Assert.False(swapped);
        Assert.Equal(serving, await silo.EventuallyServesAsync(_ => true, SwapWithin));
        await registry.PromoteAsync(serving!);
    }
}
