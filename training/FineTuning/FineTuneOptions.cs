using System.Globalization;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// One fine-tuning run's settings. Defaults are the shipped run's (training/README.md, "Fine-tuning"); the spec
/// string goes into the manifest so a package says how it was made.
/// </summary>
public sealed record FineTuneOptions
{
    /// <summary>Top encoder layers trained (0–6); the rest and the embeddings stay frozen and are not shipped.</summary>
    public int Layers { get; init; } = 2;

    public int Epochs { get; init; } = 2;

    public int BatchSize { get; init; } = 32;

    /// <summary>Peak AdamW learning rate of the encoder layers.</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Peak learning rate of the new sentiment head (it starts from nothing).</summary>
    public double HeadLearningRate { get; init; } = 2e-3;

    public double WeightDecay { get; init; } = 0.01;

    /// <summary>Share of all steps spent warming the learning rate up linearly; it then decays linearly to 0.</summary>
    public double WarmupShare { get; init; } = 0.06;

    /// <summary>Loss weight of a TweetEval train tweet relative to a SemEval 2013–2016 one.</summary>
    public float InDistributionWeight { get; init; } = 3f;

    /// <summary>At most this many SemEval 2013–2016 tweets (a seeded sample; 0: TweetEval only); null: all 44,218.</summary>
    public int? SemEvalTweets { get; init; }

    /// <summary>
    /// Loss weight of an offensive-task example (OLID train tweets and sober hard negatives) relative to a SemEval
    /// sentiment tweet; 0 fine-tunes for sentiment alone. Above 0 the encoder is shaped for brand safety too.
    /// </summary>
    public float OffensiveWeight { get; init; }

    /// <summary>
    /// A fine-tuned package to start from (its encoder, base graph + delta) instead of the base encoder: a new run
    /// continues the serving model's fine-tune rather than repeating it. Its heads are not reused.
    /// </summary>
    public string? FromPackage { get; init; }

    /// <summary>At most this many in-distribution training tweets (quick runs and tests); null: all.</summary>
    public int? Sample { get; init; }

    public int? ValidationSample { get; init; }

    /// <summary>Validation passes per epoch; early stopping counts them.</summary>
    public int EvaluationsPerEpoch { get; init; } = 2;

    /// <summary>Validation passes without a new best macro-recall before training stops.</summary>
    public int Patience { get; init; } = 2;

    public int Seed { get; init; } = 2017;

    /// <summary>LibTorch intra-op threads (0: LibTorch's default, one per core).</summary>
    public int Threads { get; init; }

    /// <summary>
    /// Wall-clock budget for training on a shared machine: past it the run validates once more and stops, keeping its
    /// best weights. Not part of <see cref="Spec"/>: a resumed run may be given more time.
    /// </summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>LibTorch device: "auto" (CUDA when the CUDA build of TorchSharp finds a GPU, else CPU), "cuda" or "cpu".</summary>
    public string TorchDevice { get; init; } = "auto";

    /// <summary>
    /// "best": the sentiment head is the best on the validation tweets of the jointly trained linear head and the
    /// frozen-encoder recipes re-fitted on the fine-tuned embeddings (<see cref="SentimentHeadChoice"/>); "joint": the
    /// linear head trained with the encoder. Chosen after training, so not part of <see cref="Spec"/>.
    /// </summary>
    public string SentimentHead { get; init; } = "best";

    public string Spec => string.Create(CultureInfo.InvariantCulture,
        $"fine-tune(layers={Layers},epochs={Epochs},batch={BatchSize},lr={LearningRate:G3},headLr={HeadLearningRate:G3},decay={WeightDecay:G3},warmup={WarmupShare:G3},inDistributionWeight={InDistributionWeight:G3},semEval={SemEvalTweets?.ToString(CultureInfo.InvariantCulture) ?? "all"},sample={Sample?.ToString(CultureInfo.InvariantCulture) ?? "all"},seed={Seed}{MultiTaskSpec})");

    /// <summary>Only set by multi-task or continued runs, so a sentiment-only run's spec reads as before.</summary>
    private string MultiTaskSpec =>
        (OffensiveWeight > 0 ? string.Create(CultureInfo.InvariantCulture, $",offensiveWeight={OffensiveWeight:G3}") : "")
        + (FromPackage is null ? "" : $",from={Path.GetFileName(Path.TrimEndingDirectorySeparator(FromPackage))}");
}
