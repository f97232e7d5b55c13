using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>One tokenised training tweet: its class and how much it counts in the loss (before class weighting).</summary>
public sealed record FineTuneExample(string Text, long[] Tokens, int Label, float Weight, bool InDistribution);

/// <summary>
/// What the encoder is fine-tuned on and stopped by. Training: TweetEval's sentiment train split (the test-time
/// distribution, weighted <see cref="FineTuneOptions.InDistributionWeight"/>) plus the 44,218 SemEval 2013–2016
/// tweets (weight 1). Validation: TweetEval's sentiment_val (2,000 tweets), never trained on, used for early
/// stopping and the publish gate. The SemEval file shares no tweet with either TweetEval split (data/README.md);
/// the SemEval-2017 test tweets quality is judged on are in neither.
/// </summary>
public sealed record FineTuneData(IReadOnlyList<FineTuneExample> Training, IReadOnlyList<FineTuneExample> Validation, IReadOnlyList<string> Sources)
{
    public const string InDistributionFile = "tweeteval/sentiment_train.tsv";
    public const string ValidationFile = "tweeteval/sentiment_val.tsv";
    public const string SemEvalFile = "semeval/sentiment_semeval2013_2016.tsv";

    public static FineTuneData Load(string datasets, TextTokenizer tokenizer, FineTuneOptions options)
    {
        var labels = SentimentService.SentimentLabels;
        var inDistribution = Sample(LabeledText.ReadTsv(Path.Combine(datasets, InDistributionFile)), options.Sample, options.Seed);
        var semEval = options.SemEvalTweets == 0 ? [] : Sample(ReadSemEval(Path.Combine(datasets, SemEvalFile)), options.SemEvalTweets, options.Seed + 1);
        var validation = Sample(LabeledText.ReadTsv(Path.Combine(datasets, ValidationFile)), options.ValidationSample, options.Seed + 2);

        FineTuneExample Tokenise(LabeledText example, float weight, bool inDistribution)
        {
            var label = labels.ToList().IndexOf(example.Label);
            return label < 0
                ? throw new InvalidOperationException($"Unknown sentiment label '{example.Label}'.")
                : new FineTuneExample(example.Text, tokenizer.Tokenize(example.Text), label, weight, inDistribution);
        }

        var training = inDistribution.Select(e => Tokenise(e, options.InDistributionWeight, true)).Concat(semEval.Select(e => Tokenise(e, 1f, false))).ToList();
        List<string> sources = [$"data/{InDistributionFile} ({inDistribution.Count}, weight {options.InDistributionWeight:G3})"];
        if (semEval.Count > 0)
        {
            sources.Add($"data/{SemEvalFile} ({semEval.Count}, weight 1)");
        }

        return new FineTuneData(training, validation.Select(e => Tokenise(e, 1f, true)).ToList(), sources);
    }

    /// <summary>Per-class loss weights N / (K · n_c) over the weighted counts, so every class weighs the same in total (macro-recall).</summary>
    public float[] ClassWeights(int classes)
    {
        var totals = new double[classes];
        foreach (var example in Training)
        {
            totals[example.Label] += example.Weight;
        }

        var sum = totals.Sum();
        return totals.Select(t => t == 0 ? 0f : (float)(sum / (classes * t))).ToArray();
    }

    /// <summary>The SemEval file's rows ("label, text, source"): the source column is not part of the text.</summary>
    private static List<LabeledText> ReadSemEval(string path) =>
        LabeledText.ReadTsv(path).Select(e => e with { Text = e.Text.Split('\t')[0] }).ToList();

    private static List<LabeledText> Sample(IReadOnlyList<LabeledText> examples, int? size, int seed)
    {
        if (size is not { } n || n >= examples.Count)
        {
            return [.. examples];
        }

        var shuffled = examples.ToArray();
        new Random(seed).Shuffle(shuffled);
        return [.. shuffled.Take(n)];
    }
}
