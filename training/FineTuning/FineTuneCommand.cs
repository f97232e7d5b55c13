using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// fine-tune: fine-tunes the encoder's top layers with a sentiment head, and an offensive head with
/// --offensive-weight (TorchSharp), from the base encoder or a fine-tuned package's (--from), writes the weights back into
/// the ONNX graph as a delta, re-fits the other heads on it, and writes one package; with --publish it is published
/// and promoted only if it beats the serving model on the validation tweets (or with --force). Needs LibTorch:
/// on Debian 12 run it through training/debian13/run.sh.
/// </summary>
public sealed class FineTuneCommand : AsyncCommand<FineTuneCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        private static readonly FineTuneOptions Defaults = new();

        [CommandOption("--publish")]
        [Description("Publish and promote the package if it beats the serving model on the validation tweets.")]
        public bool Publish { get; init; }

        [CommandOption("--force")]
        [Description("With --publish: publish even if it does not.")]
        public bool Force { get; init; }

        [CommandOption("--version <NAME>")]
        [Description("Package version (default sentiment-ft-<UTC timestamp>).")]
        public string? Version { get; init; }

        [CommandOption("--output <PATH>")]
        [Description("Package directory (default <data-dir>/packages/<version>).")]
        public string? Output { get; init; }

        [CommandOption("--checkpoint <PATH>")]
        [Description("Resumable checkpoint directory (default <data-dir>/fine-tune/<version>).")]
        public string? Checkpoint { get; init; }

        [CommandOption("--layers <N>")]
        [Description("Top encoder layers trained, 0-6.")]
        [DefaultValue(2)]
        public int Layers { get; init; } = Defaults.Layers;

        [CommandOption("--epochs <N>")]
        [DefaultValue(2)]
        public int Epochs { get; init; } = Defaults.Epochs;

        [CommandOption("--batch <N>")]
        [DefaultValue(32)]
        public int Batch { get; init; } = Defaults.BatchSize;

        [CommandOption("--lr <RATE>")]
        [Description("Peak AdamW learning rate of the encoder layers.")]
        public double LearningRate { get; init; } = Defaults.LearningRate;

        [CommandOption("--head-lr <RATE>")]
        [Description("Peak learning rate of the sentiment head.")]
        public double HeadLearningRate { get; init; } = Defaults.HeadLearningRate;

        [CommandOption("--decay <W>")]
        public double WeightDecay { get; init; } = Defaults.WeightDecay;

        [CommandOption("--warmup <SHARE>")]
        [Description("Share of the steps spent warming up; linear decay to 0 follows.")]
        public double Warmup { get; init; } = Defaults.WarmupShare;

        [CommandOption("--in-distribution-weight <W>")]
        [Description("Loss weight of a TweetEval train tweet against a SemEval 2013-2016 one.")]
        public double InDistributionWeight { get; init; } = Defaults.InDistributionWeight;

        [CommandOption("--semeval <N>")]
        [Description("SemEval 2013-2016 tweets used, a seeded sample (default all 44,218; 0 none).")]
        public int? SemEval { get; init; }

        [CommandOption("--offensive-weight <W>")]
        [Description("Multi-task: loss weight of an offensive example (OLID train tweets, sober hard negatives) against a SemEval tweet; 0 sentiment only.")]
        public double OffensiveWeight { get; init; } = Defaults.OffensiveWeight;

        [CommandOption("--from <PACKAGE>")]
        [Description("Continue from a fine-tuned package's encoder (directory with manifest.json and its delta) instead of the base encoder.")]
        public string? From { get; init; }

        [CommandOption("--validation-sample <N>")]
        public int? ValidationSample { get; init; }

        [CommandOption("--evaluations-per-epoch <N>")]
        [DefaultValue(2)]
        public int EvaluationsPerEpoch { get; init; } = Defaults.EvaluationsPerEpoch;

        [CommandOption("--patience <N>")]
        [Description("Validation passes without a new best before training stops.")]
        [DefaultValue(2)]
        public int Patience { get; init; } = Defaults.Patience;

        [CommandOption("--seed <N>")]
        [DefaultValue(2017)]
        public int Seed { get; init; } = Defaults.Seed;

        [CommandOption("--threads <N>")]
        [Description("LibTorch intra-op threads (0: one per core).")]
        public int Threads { get; init; }

        [CommandOption("--max-minutes <M>")]
        [Description("Training time budget; past it the run validates once more and stops with its best weights.")]
        public double? MaxMinutes { get; init; }

        [CommandOption("--torch-device <DEVICE>")]
        [Description("auto, cuda or cpu (LibTorch).")]
        [DefaultValue("auto")]
        public string TorchDevice { get; init; } = Defaults.TorchDevice;

        [CommandOption("--sentiment-head <HEAD>")]
        [Description("best (of the fine-tuned linear head and the lexicon recipes, on the validation tweets) or joint.")]
        [DefaultValue("best")]
        public string SentimentHead { get; init; } = Defaults.SentimentHead;

        public FineTuneOptions ToFineTuneOptions() => new()
        {
            Layers = Layers,
            Epochs = Epochs,
            BatchSize = Batch,
            LearningRate = LearningRate,
            HeadLearningRate = HeadLearningRate,
            WeightDecay = WeightDecay,
            WarmupShare = Warmup,
            InDistributionWeight = (float)InDistributionWeight,
            SemEvalTweets = SemEval,
            OffensiveWeight = (float)OffensiveWeight,
            FromPackage = From is null ? null : Path.GetFullPath(From),
            Sample = Sample,
            ValidationSample = ValidationSample,
            EvaluationsPerEpoch = EvaluationsPerEpoch,
            Patience = Patience,
            Seed = Seed,
            Threads = Threads,
            TimeBudget = MaxMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null,
            TorchDevice = TorchDevice,
            SentimentHead = SentimentHead,
        };

        /// <summary>The run these settings describe; the package and checkpoint default to per-version folders of the data dir.</summary>
        public FineTuneRequest ToRequest()
        {
            var training = ToOptions();
            var version = Version ?? $"sentiment-ft-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}";
            var output = Path.GetFullPath(Output ?? Path.Combine(training.DataDirectory, "packages", version));
            var checkpoint = Path.GetFullPath(Checkpoint ?? Path.Combine(training.DataDirectory, "fine-tune", version));
            return new FineTuneRequest(training, ToFineTuneOptions(), version, output, checkpoint, Publish, Force);
        }

        public override ValidationResult Validate() =>
            VersionRule(Version, "--version") is { Successful: false } badVersion ? badVersion
            : Force && !Publish ? ValidationResult.Error("--force only applies with --publish.")
            : Layers is < 0 or > BertSentenceEncoder.LayerCount ? ValidationResult.Error($"--layers must be 0-{BertSentenceEncoder.LayerCount} (got {Layers}).")
            : Epochs < 1 || Batch < 1 || EvaluationsPerEpoch < 1 || Patience < 1 ? ValidationResult.Error("--epochs, --batch, --evaluations-per-epoch and --patience must be at least 1.")
            : OffensiveWeight < 0 || !double.IsFinite(OffensiveWeight) ? ValidationResult.Error($"--offensive-weight must be 0 or more (got {OffensiveWeight}).")
            : From is not null && !File.Exists(Path.Combine(From, "manifest.json")) ? ValidationResult.Error($"--from {From}: no package there (manifest.json missing).")
            : SentimentHead is not ("best" or "joint") ? ValidationResult.Error($"--sentiment-head must be best or joint (got {SentimentHead}).")
            : TorchDevice is not ("auto" or "cuda" or "cpu") ? ValidationResult.Error($"--torch-device must be auto, cuda or cpu (got {TorchDevice}).")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await FineTuneRun.RunAsync(settings.ToRequest(), cancellationToken);
            return outcome.Gate is { Publish: false } ? 1 : 0;
        }
        catch (ModelPackageException exception)
        {
            AnsiConsole.MarkupLine($"[red]Refused:[/] {Markup.Escape(exception.Message)}");
            return 1;
        }
    }
}
