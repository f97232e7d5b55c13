using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// Real-time sentiment scoring: texts go through the micro-batcher into one encoder pass and the serving head.
/// Inject it as a singleton (<see cref="SentimentServiceCollectionExtensions.AddSentimentScoring"/>).
/// </summary>
public sealed class SentimentService : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> SentimentLabels = ["negative", "neutral", "positive"];

    /// <summary>Optional heads a package may carry, by task, with the labels each must have (TweetEval's).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ExtraHeadLabels = new Dictionary<string, IReadOnlyList<string>>
    {
        [EmotionTask] = ["anger", "joy", "optimism", "sadness"],
        [OffensiveTask] = ["not-offensive", "offensive"],
        [HateTask] = ["not-hate", "hate"],
    };

    public const string EmotionTask = "emotion";
    public const string OffensiveTask = "offensive";
    public const string HateTask = "hate";

    private readonly ILogger<SentimentService> logger;
    private readonly SentenceEncoder encoder;
    private readonly ModelHolder models = new();
    private readonly SentimentMetrics metrics;
    private readonly BrandSafetyOptions brandSafety;
    private readonly MicroBatcher<string, SentimentPrediction> batcher;

    public SentimentService(IOptions<SentimentOptions> options, ILogger<SentimentService> logger)
    {
        var settings = options.Value;
        settings.Validate();
        this.logger = logger;
        brandSafety = settings.BrandSafety;
        encoder = new SentenceEncoder(new EncoderFiles(settings.EncoderDirectory ?? EncoderFiles.DefaultDirectory),
            settings.Device, settings.IntraOpThreads, logger);
        metrics = new SentimentMetrics(() => batcher?.QueueDepth ?? 0, () => models.Current?.Manifest.Version);
        batcher = new MicroBatcher<string, SentimentPrediction>(
            new MicroBatcherOptions(settings.MaxBatchSize, TimeSpan.FromMilliseconds(settings.MaxBatchDelayMs), settings.MaxQueueLength),
            ScoreBatch, metrics);
    }

    /// <summary>"CUDAExecutionProvider" or "CPUExecutionProvider".</summary>
    public string ExecutionProvider => encoder.ExecutionProvider;

    /// <summary>The base encoder's hash: frozen-encoder packages must name it, fine-tuned ones apply their delta to it.</summary>
    public string EncoderSha256 => encoder.Files.Sha256;

    /// <summary>The base encoder, for tools (training, benchmarks) that embed outside the batcher; a fine-tuned package brings its own (<see cref="LoadedModel.Encoder"/>).</summary>
    public SentenceEncoder Encoder => encoder;

    public bool IsReady => models.Current is not null;

    public ModelInfo? CurrentModel => models.Current?.Info;

    public int QueueDepth => batcher.QueueDepth;

    /// <summary>
    /// Scores <paramref name="texts"/> (results in the same order). Throws <see cref="ScorerOverloadedException"/>
    /// when the queue cannot take them all and <see cref="ScorerNotReadyException"/> before the first model loads.
    /// </summary>
    public async Task<IReadOnlyList<SentimentPrediction>> ScoreAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        if (texts.Any(text => text is null))
        {
            // Checked here: inside a batch it would fail the other callers' texts too.
            throw new ArgumentException("Texts must not be null.", nameof(texts));
        }

        if (!IsReady)
        {
            throw new ScorerNotReadyException("No sentiment model is loaded yet.");
        }

        return await batcher.ProcessAsync(texts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads, checks and swaps in the package in <paramref name="packageDirectory"/>. A refused package throws
    /// <see cref="ModelPackageException"/> and leaves the serving model untouched; in-flight batches finish on
    /// the model they started with.
    /// </summary>
    public ModelInfo Activate(string packageDirectory)
    {
        var model = LoadedModel.Load(packageDirectory, encoder);
        if (!model.Manifest.Labels.Order(StringComparer.Ordinal).SequenceEqual(SentimentLabels))
        {
            model.Release();
            throw new ModelPackageException(
                $"Model {model.Manifest.Version} has labels [{string.Join(", ", model.Manifest.Labels)}]; a sentiment head needs [{string.Join(", ", SentimentLabels)}].");
        }

        foreach (var head in model.Manifest.AllHeads.Skip(1))
        {
            if (!ExtraHeadLabels.TryGetValue(head.Task, out var expected) || !head.Labels.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
            {
                model.Release();
                throw new ModelPackageException(
                    $"Model {model.Manifest.Version} has a '{head.Task}' head with labels [{string.Join(", ", head.Labels)}]; " +
                    $"known heads are {string.Join(", ", ExtraHeadLabels.Select(h => $"{h.Key} [{string.Join(", ", h.Value)}]"))}.");
            }
        }

        var previous = CurrentModel?.Version;
        models.Swap(model);
        logger.LogInformation("Sentiment model {Version} now serving (was {PreviousVersion}) on {Encoder} encoder {EncoderSha256}; validation macro-recall {MacroRecall:F4}",
            model.Manifest.Version, previous ?? "none", model.Manifest.Encoder.Delta is null ? "the base" : "a fine-tuned", model.Manifest.Encoder.Sha256, model.Manifest.Validation.MacroRecall);
        return model.Info;
    }

    private SentimentPrediction[] ScoreBatch(IReadOnlyList<string> texts)
    {
        var model = models.Acquire() ?? throw new ScorerNotReadyException("No sentiment model is loaded yet.");
        try
        {
            // Length-sorted so rows sit in order of their padding; the batch is padded to its longest text only.
            var tokens = new long[texts.Count][];
            for (var i = 0; i < texts.Count; i++)
            {
                tokens[i] = encoder.Tokenizer.Tokenize(texts[i]);
            }

            var order = Enumerable.Range(0, tokens.Length).OrderBy(i => tokens[i].Length).ToArray();
            // The serving package's encoder: fine-tuned heads must see the encoder they were trained with.
            var embeddings = (model.Encoder ?? encoder).Embed(order.Select(i => tokens[i]).ToArray());
            var heads = model.Predict(embeddings, order.Length,
                model.UsesLexicon ? TextFeatures.Valence(texts, order) : null,
                model.UsesInsultCues ? TextFeatures.InsultCues(texts, order) : null);

            var labels = model.Manifest.Labels;
            var probabilities = heads[model.Manifest.Task];
            int negative = IndexOf(labels, "negative"), neutral = IndexOf(labels, "neutral"), positive = IndexOf(labels, "positive");
            var predictions = new SentimentPrediction[texts.Count];
            for (var row = 0; row < order.Length; row++)
            {
                var p = probabilities.AsSpan(row * labels.Count, labels.Count);
                var label = labels[p.IndexOf(TensorMax(p))];
                predictions[order[row]] = new SentimentPrediction(label, p[positive] - (double)p[negative],
                    new SentimentProbabilities(p[negative], p[neutral], p[positive]),
                    Emotion(model.Manifest, heads, row), BrandSafety(model.Manifest, heads, row, brandSafety));
                metrics.Scored(label);
            }

            return predictions;
        }
        finally
        {
            model.Release();
        }
    }

    private static EmotionPrediction? Emotion(ModelManifest manifest, IReadOnlyDictionary<string, float[]> heads, int row)
    {
        if (manifest.Heads?.GetValueOrDefault(EmotionTask) is not { } head || !heads.TryGetValue(EmotionTask, out var all))
        {
            return null;
        }

        var p = all.AsSpan(row * head.Labels.Count, head.Labels.Count);
        var probabilities = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var c = 0; c < head.Labels.Count; c++)
        {
            probabilities[head.Labels[c]] = p[c];
        }

        return new EmotionPrediction(head.Labels[p.IndexOf(TensorMax(p))], probabilities);
    }

    /// <summary>Both brand-safety heads or none: half an answer would read as "safe" on the missing side.</summary>
    private static BrandSafetyPrediction? BrandSafety(ModelManifest manifest, IReadOnlyDictionary<string, float[]> heads, int row, BrandSafetyOptions options)
    {
        if (manifest.Heads?.GetValueOrDefault(OffensiveTask) is not { } offensive || manifest.Heads.GetValueOrDefault(HateTask) is not { } hate
            || !heads.TryGetValue(OffensiveTask, out var offensiveP) || !heads.TryGetValue(HateTask, out var hateP))
        {
            return null;
        }

        var (offensiveScore, offensiveThreshold) = BrandSafetyScorer.Score(offensive,
            offensiveP[(row * offensive.Labels.Count) + IndexOf(offensive.Labels, OffensiveTask)], options.OffensiveBaseRate);
        var (hateScore, hateThreshold) = BrandSafetyScorer.Score(hate,
            hateP[(row * hate.Labels.Count) + IndexOf(hate.Labels, HateTask)], options.HateBaseRate);
        return new BrandSafetyPrediction(offensiveScore, hateScore, offensiveThreshold, hateThreshold);
    }

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == label)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Label '{label}' is missing.");
    }

    private static float TensorMax(ReadOnlySpan<float> values)
    {
        var max = values[0];
        foreach (var value in values)
        {
            max = MathF.Max(max, value);
        }

        return max;
    }

    public async ValueTask DisposeAsync()
    {
        await batcher.DisposeAsync().ConfigureAwait(false);
        models.Dispose();
        encoder.Dispose();
        metrics.Dispose();
    }
}
