using System.Globalization;
using Microsoft.Extensions.Logging;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// train: embed TweetEval sentiment train+val with the serving encoder, pick the head's regularisation by
/// stratified k-fold cross-validation (macro-recall), fit on everything, export to ONNX, verify, package, and
/// optionally publish + promote.
/// </summary>
public static class TrainCommand
{
    // Regularisation grid searched by cross-validation (standardised features, so one scale fits all).
    private static readonly HeadHyperParameters[] Grid =
    [
        new(1f, 0f), new(10f, 0f), new(30f, 0f), new(100f, 0f), new(300f, 0f), new(1000f, 0f), new(3000f, 0f),
        new(100f, 1f), new(300f, 1f), new(1000f, 1f),
    ];

    private static readonly string[] DataFiles = ["tweeteval/sentiment_train.tsv", "tweeteval/sentiment_val.tsv"];

    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        commandLine.EnsureOnly("data-dir", "datasets", "output", "version", "folds", "publish", "force", "device");
        var dataDirectory = Path.GetFullPath(commandLine.Value("data-dir", ".data"));
        var datasets = commandLine.Value("datasets", Path.Combine(AppContext.BaseDirectory, "data"));
        var version = commandLine.Value("version", $"sentiment-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        ModelVersion.EnsureValid(version);
        var output = Path.GetFullPath(commandLine.Value("output", Path.Combine(dataDirectory, "packages", version)));
        var folds = commandLine.Number("folds", 5);
        var device = Enum.Parse<ExecutionDevice>(commandLine.Value("device", "auto"), ignoreCase: true);

        using var loggerFactory = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.SingleLine = true));
        var log = Console.Out;

        var labels = SentimentService.SentimentLabels;
        var examples = DataFiles.SelectMany(file => LabeledText.ReadTsv(Path.Combine(datasets, file))).ToList();
        var y = examples.Select(e => labels.ToList().IndexOf(e.Label)).ToArray();
        if (y.Contains(-1))
        {
            throw new InvalidOperationException($"Unknown label in {datasets}: {examples[Array.IndexOf(y, -1)].Label}");
        }

        var classCounts = labels.ToDictionary(l => l, l => examples.Count(e => e.Label == l));
        log.WriteLine($"Data: {examples.Count} tweets from {string.Join(" + ", DataFiles)} ({string.Join(", ", classCounts.Select(c => $"{c.Key} {c.Value}"))})");

        using var encoder = new SentenceEncoder(new EncoderFiles(EncoderFiles.DefaultDirectory), device, 0, loggerFactory.CreateLogger("Encoder"));
        var cache = new EmbeddingCache(Path.Combine(dataDirectory, "cache"), encoder.Files.Sha256);
        var x = CorpusEmbedder.Embed(encoder, examples.Select(e => e.Text).ToList(), cache, log);

        var trainer = new HeadTrainer(labels.Count);
        var foldOf = CrossValidation.StratifiedFolds(y, folds, seed: 2017);
        ValidationMetrics? best = null;
        HeadHyperParameters? bestParameters = null;
        log.WriteLine($"{folds}-fold cross-validation over {Grid.Length} settings:");
        foreach (var parameters in Grid)
        {
            var predicted = CrossValidation.OutOfFoldPredictions(trainer, x, y, foldOf, parameters);
            var metrics = ClassificationReport.Compute($"{folds}-fold stratified cross-validation, TweetEval sentiment train+val", labels, y, predicted);
            log.WriteLine($"  {parameters,-16} macro-recall {metrics.MacroRecall:F4}  accuracy {metrics.Accuracy:F4}  macro-F1 {metrics.MacroF1:F4}");
            if (best is null || metrics.MacroRecall > best.MacroRecall)
            {
                (best, bestParameters) = (metrics, parameters);
            }
        }

        log.WriteLine($"Chosen: {bestParameters}");
        ClassificationReport.Print(best!, labels, log);

        var model = trainer.Fit(x, y, bestParameters!);
        Directory.CreateDirectory(output);
        var head = OnnxHeadExporter.Export(trainer, model, x, Path.Combine(output, "sentiment.onnx"), labels.Count, log);
        var manifest = new ModelManifest
        {
            Version = version,
            CreatedAt = DateTimeOffset.UtcNow,
            Labels = labels,
            Encoder = new EncoderReference(EncoderFiles.EncoderId, encoder.Files.Sha256, "mean", Normalized: true, TextTokenizer.MaxTokens),
            Head = head,
            Validation = best!,
            Data = new DataDescription(
                "TweetEval sentiment (SemEval-2017 Task 4A) train + validation tweets; see data/README.md for attribution.",
                DataFiles.Select(f => "data/" + f).ToList(),
                examples.Count,
                classCounts),
            Training = new Dictionary<string, string>
            {
                ["trainer"] = "ML.NET LbfgsMaximumEntropy over NormalizeMeanVariance, class-weighted N/(K*n_c)",
                ["l2Regularization"] = bestParameters!.L2Regularization.ToString(CultureInfo.InvariantCulture),
                ["l1Regularization"] = bestParameters.L1Regularization.ToString(CultureInfo.InvariantCulture),
                ["selection"] = $"best macro-recall of {Grid.Length} settings by {folds}-fold stratified cross-validation",
            },
        };
        manifest.Write(output);
        ModelPackage.Verify(output);
        log.WriteLine($"Package {version} written to {output}");

        if (commandLine.Flag("publish"))
        {
            await PublishAsync(manifest, output, dataDirectory, commandLine.Flag("force"), loggerFactory.CreateLogger("Registry"), log);
        }

        return 0;
    }

    private static async Task PublishAsync(ModelManifest manifest, string package, string dataDirectory, bool force, ILogger logger, TextWriter log)
    {
        var registry = RegistryFromEnvironment.Create(dataDirectory);
        var promoted = await registry.GetPromotedVersionAsync();
        var current = promoted is null ? null : (await registry.ListAsync()).FirstOrDefault(m => m.Version == promoted);
        if (current is not null && manifest.Validation.MacroRecall <= current.Validation.MacroRecall && !force)
        {
            log.WriteLine($"Not published: macro-recall {manifest.Validation.MacroRecall:F4} does not beat {current.Version}'s {current.Validation.MacroRecall:F4} (use --force to publish anyway).");
            return;
        }

        await registry.PublishAsync(package);
        await registry.PromoteAsync(manifest.Version);
        logger.LogInformation("Published and promoted {Version} (was {Previous})", manifest.Version, promoted ?? "none");
    }
}
