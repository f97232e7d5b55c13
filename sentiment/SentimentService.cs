using Microsoft.Extensions.Logging;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// Real-time sentiment scoring: texts go through the micro-batcher into one encoder pass and the serving head.
/// Inject it as a singleton (<see cref="SentimentServiceCollectionExtensions.AddSentimentScoring"/>).
/// </summary>
public sealed class SentimentService : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> SentimentLabels = ["negative", "neutral", "positive"];

    private readonly ILogger<SentimentService> _logger;
    private readonly SentenceEncoder _encoder;
    private readonly ModelHolder _models = new();
    private readonly SentimentMetrics _metrics;
    private readonly MicroBatcher<string, SentimentPrediction> _batcher;

    public SentimentService(SentimentOptions options, ILogger<SentimentService> logger)
    {
        options.Validate();
        _logger = logger;
        _encoder = new SentenceEncoder(new EncoderFiles(options.EncoderDirectory ?? EncoderFiles.DefaultDirectory),
            options.Device, options.IntraOpThreads, logger);
        _metrics = new SentimentMetrics(() => _batcher?.QueueDepth ?? 0, () => _models.Current?.Manifest.Version);
        _batcher = new MicroBatcher<string, SentimentPrediction>(
            new MicroBatcherOptions(options.MaxBatchSize, TimeSpan.FromMilliseconds(options.MaxBatchDelayMs), options.MaxQueueLength),
            ScoreBatch, _metrics);
    }

    /// <summary>"CUDAExecutionProvider" or "CPUExecutionProvider".</summary>
    public string ExecutionProvider => _encoder.ExecutionProvider;

    public string EncoderSha256 => _encoder.Files.Sha256;

    /// <summary>The shared encoder, for tools (training, benchmarks) that embed outside the batcher.</summary>
    public SentenceEncoder Encoder => _encoder;

    public bool IsReady => _models.Current is not null;

    public ModelInfo? CurrentModel => _models.Current?.Info;

    public int QueueDepth => _batcher.QueueDepth;

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

        return await _batcher.ProcessAsync(texts, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads, checks and swaps in the package in <paramref name="packageDirectory"/>. A refused package throws
    /// <see cref="ModelPackageException"/> and leaves the serving model untouched; in-flight batches finish on
    /// the model they started with.
    /// </summary>
    public ModelInfo Activate(string packageDirectory)
    {
        var model = LoadedModel.Load(packageDirectory, EncoderSha256);
        if (!model.Manifest.Labels.Order(StringComparer.Ordinal).SequenceEqual(SentimentLabels))
        {
            model.Release();
            throw new ModelPackageException(
                $"Model {model.Manifest.Version} has labels [{string.Join(", ", model.Manifest.Labels)}]; a sentiment head needs [{string.Join(", ", SentimentLabels)}].");
        }

        var previous = CurrentModel?.Version;
        _models.Swap(model);
        _logger.LogInformation("Sentiment model {Version} now serving (was {PreviousVersion}); validation macro-recall {MacroRecall:F4}",
            model.Manifest.Version, previous ?? "none", model.Manifest.Validation.MacroRecall);
        return model.Info;
    }

    private SentimentPrediction[] ScoreBatch(IReadOnlyList<string> texts)
    {
        var model = _models.Acquire() ?? throw new ScorerNotReadyException("No sentiment model is loaded yet.");
        try
        {
            // Length-sorted so rows sit in order of their padding; the batch is padded to its longest text only.
            var tokens = new long[texts.Count][];
            for (var i = 0; i < texts.Count; i++)
            {
                tokens[i] = _encoder.Tokenizer.Tokenize(texts[i]);
            }

            var order = Enumerable.Range(0, tokens.Length).OrderBy(i => tokens[i].Length).ToArray();
            var embeddings = _encoder.Embed(order.Select(i => tokens[i]).ToArray());
            var probabilities = model.Predict(embeddings, order.Length);

            var labels = model.Manifest.Labels;
            int negative = IndexOf(labels, "negative"), neutral = IndexOf(labels, "neutral"), positive = IndexOf(labels, "positive");
            var predictions = new SentimentPrediction[texts.Count];
            for (var row = 0; row < order.Length; row++)
            {
                var p = probabilities.AsSpan(row * labels.Count, labels.Count);
                var label = labels[p.IndexOf(TensorMax(p))];
                predictions[order[row]] = new SentimentPrediction(label, p[positive] - (double)p[negative],
                    new SentimentProbabilities(p[negative], p[neutral], p[positive]));
                _metrics.Scored(label);
            }

            return predictions;
        }
        finally
        {
            model.Release();
        }
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
        await _batcher.DisposeAsync().ConfigureAwait(false);
        _models.Dispose();
        _encoder.Dispose();
        _metrics.Dispose();
    }
}
