using StreamingMarketing.Training;
using StreamingMarketing.Training.FineTuning;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

/// <summary>The fine-tune command as Program runs it, sized for tests: 64 tweets, one trained layer, sentiment head only.</summary>
public static class TinyFineTune
{
    public static string[] Arguments(string dataDir, string version) =>
    [
        "--data-dir", dataDir, "--version", version, "--device", "cpu", "--sample", "64", "--semeval", "32", "--validation-sample", "64",
        "--layers", "1", "--epochs", "2", "--batch", "16", "--evaluations-per-epoch", "1", "--sentiment-only",
    ];

    /// <summary>What the fine-tune command runs, returning the outcome (the command itself only returns an exit code).</summary>
    public static Task<FineTuneOutcome> RunAsync(params string[] arguments) => FineTuneRun.RunAsync(FineTuneCommand.Request(new CommandLine(arguments)));
}
