using Spectre.Console;
using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.Training;

/// <summary>The training service's commands as its Program runs them, on small samples to keep CPU cost modest.</summary>
public static class TrainCommands
{
    /// <summary>300 examples per head and one lexicon recipe: seconds of encoder time, the whole pipeline still exercised.</summary>
    public static string[] Quick(string dataDir, string version) =>
        ["--data-dir", dataDir, "--version", version, "--sample", "300", "--folds", "3", "--device", "cpu", "--recipes", "logreg(l2=1000,l1=0,lexicon)"];

    public static Task<int> TrainAsync(params string[] arguments) => TrainingApp.RunAsync(["train", .. arguments], AnsiConsole.Console);

    public static Task<int> RollbackAsync(string version, string dataDir) => TrainingApp.RunAsync(["rollback", version, "--data-dir", dataDir], AnsiConsole.Console);
}
