using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>The heads a fine-tune trains beside the encoder: sentiment always, offensive when it is asked for.</summary>
public enum FineTuneTask
{
    Sentiment,
    Offensive,
}

/// <summary>One tokenised training text: its task, its class and how much it counts in the loss (before class weighting).</summary>
public sealed record FineTuneExample(string Text, long[] Tokens, int Label, float Weight, bool InDistribution, FineTuneTask Task = FineTuneTask.Sentiment);

/// <summary>
/// What the encoder is fine-tuned on and stopped by. Training: TweetEval's sentiment train split (the test-time
/// distribution, weighted <see cref="FineTuneOptions.InDistributionWeight"/>) plus the 44,218 SemEval 2013–2016
/// tweets (weight 1). Validation: TweetEval's sentiment_val (2,000 tweets), never trained on, used for early
/// stopping and the publish gate. The SemEval file shares no tweet with either TweetEval split (data/README.md);
/// the SemEval-2017 test tweets quality is judged on are in neither.
/// With <see cref="FineTuneOptions.OffensiveWeight"/> above 0 the encoder also learns the offensive task (issue #20):
/// OLID's train split and the training half of the sober snippets as not-offensive hard negatives. OLID's
/// validation split stays out of the fine-tune and joins early stopping; OLID's test split and the held-out sober
/// snippets stay out of everything.
/// </summary>
public sealed record FineTuneData(
    IReadOnlyList<FineTuneExample> Training,
    IReadOnlyList<FineTuneExample> Validation,
    IReadOnlyList<string> Sources,
    IReadOnlyList<FineTuneExample>? OffensiveValidation = null)
{
    public const string InDistributionFile = "tweeteval/sentiment_train.tsv";
    public const string ValidationFile = "tweeteval/sentiment_val.tsv";
    public const string SemEvalFile = "semeval/sentiment_semeval2013_2016.tsv";
    public const string OffensiveFile = "tweeteval/offensive_train.tsv";
    public const string OffensiveValidationFile = "tweeteval/offensive_val.tsv";

    /// <summary>The sentiment examples (what the sentiment head, its class counts and the gate look at).</summary>
    public IReadOnlyList<FineTuneExample> SentimentTraining => [.. Training.Where(e => e.Task == FineTuneTask.Sentiment)];

    public static FineTuneData Load(string datasets, TextTokenizer tokenizer, FineTuneOptions options)
    {
        var inDistribution = Sample(LabeledText.ReadTsv(Path.Combine(datasets, InDistributionFile)), options.Sample, options.Seed);
        var semEval = options.SemEvalTweets == 0 ? [] : Sample(ReadSemEval(Path.Combine(datasets, SemEvalFile)), options.SemEvalTweets, options.Seed + 1);
        var validation = Sample(LabeledText.ReadTsv(Path.Combine(datasets, ValidationFile)), options.ValidationSample, options.Seed + 2);

        var sentiment = SentimentService.SentimentLabels;
        var training = inDistribution.Select(e => Tokenise(tokenizer, e, sentiment, options.InDistributionWeight, true, FineTuneTask.Sentiment))
            .Concat(semEval.Select(e => Tokenise(tokenizer, e, sentiment, 1f, false, FineTuneTask.Sentiment))).ToList();
        List<string> sources = [$"data/{InDistributionFile} ({inDistribution.Count}, weight {options.InDistributionWeight:G3})"];
        if (semEval.Count > 0)
        {
            sources.Add($"data/{SemEvalFile} ({semEval.Count}, weight 1)");
        }

        List<FineTuneExample>? offensiveValidation = null;
        if (options.OffensiveWeight > 0)
        {
            var labels = SentimentService.ExtraHeadLabels[SentimentService.OffensiveTask];
            var olid = Sample(LabeledText.ReadTsv(Path.Combine(datasets, OffensiveFile)), options.Sample, options.Seed + 3);
            var sober = SoberText.Load(datasets).Training;
            var hardNegatives = Sample([.. sober.Select(text => new LabeledText(labels[0], text))], options.Sample is { } n ? n / 4 : null, options.Seed + 4);
            training.AddRange(olid.Concat(hardNegatives).Select(e => Tokenise(tokenizer, e, labels, options.OffensiveWeight, false, FineTuneTask.Offensive)));
            sources.Add($"data/{OffensiveFile} ({olid.Count}) + {SoberText.Description}, training half ({hardNegatives.Count} as {labels[0]}): offensive task, weight {options.OffensiveWeight:G3}");
            offensiveValidation = [.. Sample(LabeledText.ReadTsv(Path.Combine(datasets, OffensiveValidationFile)), options.ValidationSample, options.Seed + 5)
                .Select(e => Tokenise(tokenizer, e, labels, 1f, false, FineTuneTask.Offensive))];
        }

        return new FineTuneData(training, [.. validation.Select(e => Tokenise(tokenizer, e, sentiment, 1f, true, FineTuneTask.Sentiment))], sources, offensiveValidation);
    }

    /// <summary>
    /// Per-class loss weights of one task, N / (K · n_c) over its weighted counts, so every class of the task weighs
    /// the same in total (macro-recall), and the task as a whole keeps its examples' weight.
    /// </summary>
    public float[] ClassWeights(FineTuneTask task, int classes)
    {
        var totals = new double[classes];
        foreach (var example in Training.Where(e => e.Task == task))
        {
            totals[example.Label] += example.Weight;
        }

        var sum = totals.Sum();
        return totals.Select(t => t == 0 ? 0f : (float)(sum / (classes * t))).ToArray();
    }

    private static FineTuneExample Tokenise(TextTokenizer tokenizer, LabeledText example, IReadOnlyList<string> labels, float weight, bool inDistribution, FineTuneTask task)
    {
        var label = labels.ToList().IndexOf(example.Label);
        return label < 0
            ? throw new InvalidOperationException($"Unknown {task.ToString().ToLowerInvariant()} label '{example.Label}'.")
            : new FineTuneExample(example.Text, tokenizer.Tokenize(example.Text), label, weight, inDistribution, task);
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
