using System.Globalization;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// fine-tune: fine-tunes the encoder's top layers with a sentiment head (TorchSharp), writes the weights back into
/// the ONNX graph as a delta, re-fits the other heads on it, and writes one package; with --publish it is published
/// and promoted only if it beats the serving model on the validation tweets (or with --force). Needs LibTorch:
/// on Debian 12 run it through training/debian13/run.sh.
/// </summary>
public static class FineTuneCommand
{
    public static readonly string[] OptionNames =
    [
        .. TrainingOptions.OptionNames, "output", "version", "publish", "force", "checkpoint", "layers", "epochs", "batch", "lr", "head-lr",
        "decay", "warmup", "in-distribution-weight", "semeval", "validation-sample", "evaluations-per-epoch", "patience", "seed", "threads", "max-minutes", "torch-device", "sentiment-head",
    ];

    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var outcome = await FineTuneRun.RunAsync(Request(commandLine));
        return outcome.Gate is { Publish: false } ? 1 : 0;
    }

    /// <summary>The run the options describe; the package and checkpoint default to per-version folders of the data dir.</summary>
    public static FineTuneRequest Request(CommandLine commandLine)
    {
        commandLine.EnsureOnly(OptionNames);
        var training = TrainingOptions.From(commandLine);
        var version = commandLine.Value("version", $"sentiment-ft-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        ModelVersion.EnsureValid(version);
        var output = Path.GetFullPath(commandLine.Value("output", Path.Combine(training.DataDirectory, "packages", version)));
        var checkpoint = Path.GetFullPath(commandLine.Value("checkpoint", Path.Combine(training.DataDirectory, "fine-tune", version)));
        return new FineTuneRequest(training, Options(commandLine), version, output, checkpoint, commandLine.Flag("publish"), commandLine.Flag("force"));
    }

    public static FineTuneOptions Options(CommandLine commandLine)
    {
        var defaults = new FineTuneOptions();
        return new FineTuneOptions
        {
            Layers = commandLine.Number("layers", defaults.Layers),
            Epochs = commandLine.Number("epochs", defaults.Epochs),
            BatchSize = commandLine.Number("batch", defaults.BatchSize),
            LearningRate = Real(commandLine, "lr", defaults.LearningRate),
            HeadLearningRate = Real(commandLine, "head-lr", defaults.HeadLearningRate),
            WeightDecay = Real(commandLine, "decay", defaults.WeightDecay),
            WarmupShare = Real(commandLine, "warmup", defaults.WarmupShare),
            InDistributionWeight = (float)Real(commandLine, "in-distribution-weight", defaults.InDistributionWeight),
            SemEvalTweets = commandLine.Value("semeval") is { } semEval ? int.Parse(semEval, CultureInfo.InvariantCulture) : defaults.SemEvalTweets,
            Sample = commandLine.Value("sample") is { } sample ? int.Parse(sample, CultureInfo.InvariantCulture) : defaults.Sample,
            ValidationSample = commandLine.Value("validation-sample") is { } validation ? int.Parse(validation, CultureInfo.InvariantCulture) : defaults.ValidationSample,
            EvaluationsPerEpoch = commandLine.Number("evaluations-per-epoch", defaults.EvaluationsPerEpoch),
            Patience = commandLine.Number("patience", defaults.Patience),
            Seed = commandLine.Number("seed", defaults.Seed),
            Threads = commandLine.Number("threads", defaults.Threads),
            TorchDevice = commandLine.Value("torch-device", defaults.TorchDevice),
            SentimentHead = SentimentHead(commandLine.Value("sentiment-head", defaults.SentimentHead)),
            TimeBudget = commandLine.Value("max-minutes") is { } minutes ? TimeSpan.FromMinutes(double.Parse(minutes, CultureInfo.InvariantCulture)) : null,
        };
    }

    private static string SentimentHead(string value) =>
        value is "best" or "joint" ? value : throw new ArgumentException($"--sentiment-head must be best or joint, not '{value}'.");

    private static double Real(CommandLine commandLine, string name, double fallback) =>
        commandLine.Value(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
