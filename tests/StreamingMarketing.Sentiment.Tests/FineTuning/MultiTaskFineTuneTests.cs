using System.Text.Json;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

/// <summary>
/// Fine-tunes sized for CI that train the offensive task beside sentiment, and that continue a fine-tuned package's
/// encoder instead of the base one.
/// </summary>
[Trait("Category", "Functional")]
[Trait(Debian13Root.Trait, Debian13Root.Value)]
public sealed class MultiTaskFineTuneTests
{
    [Fact]
    public async Task A_multi_task_fine_tune_lowers_the_loss_of_both_tasks_and_validates_each()
    {
        using var dataDir = new TemporaryDirectory();

        var outcome = await TinyFineTune.RunAsync(TinyFineTune.Settings(dataDir.Path, "multi-task", offensiveWeight: 1));

        Assert.True(outcome.Result.TrainingLossAfter < outcome.Result.TrainingLossBefore,
            $"training loss {outcome.Result.TrainingLossBefore:F4} → {outcome.Result.TrainingLossAfter:F4}");
        var offensive = Assert.IsType<ValidationMetrics>(outcome.Result.BestOffensive);
        Assert.Equal(64, offensive.Examples);
        Assert.Equal(["not-offensive", "offensive"], offensive.PerClassRecall.Keys.Order());
        Assert.All(outcome.Result.History, h => Assert.NotNull(h.Offensive));
        Assert.Contains("offensiveWeight=1", outcome.Manifest.Training["fineTune"], StringComparison.Ordinal);
        Assert.Contains("offensive macro-F1", outcome.Manifest.Training["validationHistory"], StringComparison.Ordinal);
        Assert.Equal(64 + 32, outcome.Manifest.Data.Examples);
    }

    [Fact]
    public async Task A_fine_tune_continues_from_a_packages_encoder_and_linear_head()
    {
        using var dataDir = new TemporaryDirectory();
        var first = await TinyFineTune.RunAsync(TinyFineTune.Settings(dataDir.Path, "first", sentimentHead: "joint"));

        // Zero learning rates: whatever the second run's encoder and head are, they are where it started.
        var continued = await TinyFineTune.RunAsync(TinyFineTune.Settings(dataDir.Path, "continued", untrained: true, from: Path.Combine(dataDir.Path, "packages", "first")));

        Assert.NotEqual(first.Manifest.Encoder.Delta!.BaseSha256, first.Manifest.Encoder.Sha256);
        Assert.Equal(first.Manifest.Encoder.Sha256, continued.Manifest.Encoder.Sha256);
        Assert.Equal(first.Manifest.Validation.ConfusionMatrix, continued.Manifest.Validation.ConfusionMatrix);
        Assert.EndsWith(",from=first)", continued.Manifest.Training["fineTune"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continuing_refuses_to_train_fewer_layers_than_the_package_changed()
    {
        using var dataDir = new TemporaryDirectory();
        var shipped = Path.Combine(ModelRegistrySeeder.DefaultDirectory, "sentiment-v5");
        var trained = JsonDocument.Parse(File.ReadAllText(Path.Combine(shipped, "manifest.json"))).RootElement.GetProperty("training").GetProperty("trainedLayers").GetString();
        Assert.StartsWith("top 3 of 6", trained, StringComparison.Ordinal);

        Assert.Equal(1, await TinyFineTune.RunCommandAsync("--data-dir", dataDir.Path, "--from", shipped, "--layers", "2", "--sample", "8", "--sentiment-only"));
        Assert.DoesNotContain(Directory.EnumerateDirectories(dataDir.Path, "*", SearchOption.AllDirectories), d => Path.GetFileName(d) == "packages");
    }

    [Theory]
    [InlineData("--offensive-weight", "-1")]
    [InlineData("--from", "/nonexistent/package")]
    public async Task The_command_line_refuses_a_bad_multi_task_or_starting_point(string option, string value)
    {
        using var dataDir = new TemporaryDirectory();

        Assert.Equal(2, await TinyFineTune.RunCommandAsync("--data-dir", dataDir.Path, option, value));
    }
}
