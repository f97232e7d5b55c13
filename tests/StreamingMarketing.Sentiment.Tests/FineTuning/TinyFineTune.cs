using Spectre.Console;
using StreamingMarketing.Training;
using StreamingMarketing.Training.FineTuning;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

/// <summary>The fine-tune command sized for tests: 64 tweets, one trained layer, sentiment head only.</summary>
public static class TinyFineTune
{
    /// <param name="untrained">Learning rates of zero and the jointly trained head: the encoder stays the base one and the head at its random start.</param>
    /// <param name="offensiveWeight">Above 0: multi-task, the offensive task beside sentiment.</param>
    /// <param name="from">A fine-tuned package to continue from.</param>
    /// <param name="sentimentHead">best or joint (default: joint when untrained, else best).</param>
    public static FineTuneCommand.Settings Settings(string dataDir, string version, bool publish = false, bool force = false, bool untrained = false,
        double offensiveWeight = 0, string? from = null, string? sentimentHead = null) =>
        new()
        {
            Publish = publish,
            Force = force,
            DataDir = dataDir,
            Version = version,
            Device = ExecutionDevice.Cpu,
            Sample = 64,
            SemEval = 32,
            ValidationSample = 64,
            Layers = 1,
            Epochs = untrained ? 1 : 2,
            LearningRate = untrained ? 0 : new FineTuneOptions().LearningRate,
            HeadLearningRate = untrained ? 0 : new FineTuneOptions().HeadLearningRate,
            SentimentHead = sentimentHead ?? (untrained ? "joint" : "best"),
            Batch = 16,
            EvaluationsPerEpoch = 1,
            SentimentOnly = true,
            OffensiveWeight = offensiveWeight,
            From = from,
        };

    /// <summary>What the command runs, returning the outcome (the command itself answers with an exit code).</summary>
    public static Task<FineTuneOutcome> RunAsync(FineTuneCommand.Settings settings)
    {
        Assert.True(settings.Validate().Successful, settings.Validate().Message);
        return FineTuneRun.RunAsync(settings.ToRequest());
    }

    /// <summary>The command as Program runs it.</summary>
    public static Task<int> RunCommandAsync(params string[] arguments) => TrainingApp.RunAsync(["fine-tune", .. arguments], AnsiConsole.Console);
}
