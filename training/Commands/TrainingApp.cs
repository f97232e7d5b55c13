using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.CommandLine;

namespace StreamingMarketing.Training;

/// <summary>The training service's command line; each command is one class in this folder (training/README.md has the details).</summary>
public static class TrainingApp
{
    public const string Name = "dotnet run --project training -c Release --";

    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default) =>
        CommandLineApp.RunAsync(args, Name, console, AddCommands,
            [
                "exit codes: 0 ok, 1 failed or refused, 2 usage",
                "The registry kind follows Sentiment__Registry__* environment variables, as on the silos.",
            ],
            cancellationToken);

    private static void AddCommands(IConfigurator config)
    {
        config.AddCommand<TrainCommand>("train")
            .WithDescription("Cross-validate every recipe per head on the shipped data + stored feedback, package the best.")
            .WithExample("train", "--publish");
        config.AddBranch("recommender", recommender =>
        {
            recommender.SetDescription("The implicit-feedback recommender over the event archive.");
            recommender.AddCommand<Recommender.RecommenderTrainCommand>("train")
                .WithDescription("Train ALS on the archive's interactions, compare with popularity on each user's latest, publish if it beats it.")
                .WithExample("recommender", "train", "--data-dir", ".data", "--publish");
        });
        config.AddCommand<EvaluateCommand>("evaluate").WithDescription("A version's recorded metrics and its recipe re-run on today's data.");
        config.AddCommand<ListCommand>("list").WithDescription("Published versions; * marks the promoted one.");
        config.AddCommand<RollbackCommand>("rollback").WithDescription("Promote a published version again (verified first).");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("Retrain and publish (gated) when enough new feedback arrived.")
            .WithExample("serve", "--interval", "00:30:00");
        config.AddCommand<BenchCommand>("bench").WithDescription("Scorer throughput and latency beside raw ONNX Runtime.");
        config.AddCommand<FineTuning.FineTuneCommand>("fine-tune")
            .WithDescription("Fine-tune the encoder (TorchSharp; on Debian 12 through training/debian13/run.sh), write it back into the ONNX graph, re-fit the heads, package.")
            .WithExample("fine-tune", "--layers", "2", "--max-minutes", "60", "--publish");
        config.AddCommand<RefitHeadsCommand>("refit-heads")
            .WithDescription("Re-fit a fine-tuned package's emotion and brand-safety heads on its own encoder (no LibTorch), write a new package.")
            .WithExample("refit-heads", ".data/packages/sentiment-ft-1", "--version", "sentiment-ft-2");
    }
}
