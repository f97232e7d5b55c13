using System.Net.Http.Json;
using System.Text.Json;
using StreamingMarketing.Sentiment.Tests.Training;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

/// <summary>
/// A fine-tune small enough for CI (well under 2 minutes on 2 shared cores) through the whole path: TorchSharp
/// training lowers the loss, the package carries an encoder delta, a running silo swaps encoder and heads in, and
/// rollback swaps both back.
/// </summary>
[Trait("Category", "Functional")]
[Trait(Debian13Root.Trait, Debian13Root.Value)]
public sealed class TinyFineTuneTests(TrainingSilo silo) : IClassFixture<TrainingSilo>
{
    private static readonly TimeSpan SwapWithin = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_tiny_fine_tune_lowers_the_training_loss_and_the_silo_serves_its_encoder_and_heads_then_rolls_back()
    {
        var before = await silo.EventuallyServesAsync(_ => true, SwapWithin);
        var version = $"ft-{Guid.NewGuid():N}"[..16];

        var outcome = await TinyFineTune.RunAsync(TinyFineTune.Settings(silo.DataDir, version, publish: true, force: true));

        Assert.True(outcome.Result.TrainingLossAfter < outcome.Result.TrainingLossBefore,
            $"training loss {outcome.Result.TrainingLossBefore:F4} → {outcome.Result.TrainingLossAfter:F4}");
        Assert.True(outcome.Published);
        var delta = Assert.IsType<EncoderDeltaReference>(outcome.Manifest.Encoder.Delta);
        Assert.Equal(16, delta.Tensors);
        Assert.NotEqual(delta.BaseSha256, outcome.Manifest.Encoder.Sha256);
        Assert.Equal(version, await silo.EventuallyServesAsync(v => v == version, SwapWithin));

        var served = await ScoreAsync("I love this, best day ever!");
        Assert.Equal(1.0, served.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()), 3);

        Assert.Equal(0, await TrainCommands.RollbackAsync(before!, silo.DataDir));
        Assert.Equal(before, await silo.EventuallyServesAsync(v => v == before, SwapWithin));
        Assert.NotNull((await ScoreAsync("I love this, best day ever!")).GetProperty("emotion").GetProperty("label").GetString());
    }

    [Fact]
    public async Task The_gate_refuses_a_fine_tune_that_does_not_beat_the_serving_model_on_the_validation_tweets()
    {
        var serving = await silo.EventuallyServesAsync(_ => true, SwapWithin);
        var version = $"worse-{Guid.NewGuid():N}"[..16];

        var outcome = await TinyFineTune.RunAsync(TinyFineTune.Settings(silo.DataDir, version, publish: true, untrained: true));

        var gate = Assert.IsType<StreamingMarketing.Training.GateDecision>(outcome.Gate);
        Assert.False(gate.Publish, gate.Reason);
        Assert.NotNull(gate.Serving);
        Assert.True(outcome.Manifest.Validation.MacroRecall <= gate.Serving.MacroRecall);
        Assert.False(outcome.Published);
        Assert.Equal(serving, await silo.EventuallyServesAsync(_ => true, SwapWithin));
    }

    [Fact]
    public async Task The_command_line_refuses_a_layer_count_the_encoder_does_not_have()
    {
        Assert.Equal(2, await TinyFineTune.RunCommandAsync("--data-dir", silo.DataDir, "--layers", "7"));
    }

    private async Task<JsonElement> ScoreAsync(string text)
    {
        var response = await silo.Http.PostAsJsonAsync("/api/sentiment", new { texts = new[] { text } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
    }

}
