using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// A task's labelled texts: the shipped files, plus stored feedback for sentiment. For a brand-safety task the
/// last <see cref="HardNegatives"/> rows are sober training snippets labelled negative, and <see cref="HeldOut"/>
/// holds what training never sees: the test split and the held-out sober snippets.
/// </summary>
/// <remarks><see cref="FeedbackEntries"/>: feedback entries read (sentiment only), which <c>serve</c> compares with the log.</remarks>
public sealed record TaskData(
    TaskDefinition Definition,
    IReadOnlyList<string> Texts,
    int[] Labels,
    DataDescription Description,
    int FeedbackEntries,
    int HardNegatives = 0,
    HeldOutTexts? HeldOut = null,
    IReadOnlyList<SoberSnippet>? HardNegativeSnippets = null)
{
    /// <summary>Rows [0, TaskRows) are the task's own examples (tweets, feedback); the hard negatives follow.</summary>
    public int TaskRows => Texts.Count - HardNegatives;

    /// <summary>Hard negatives are a quarter of a sampled run's size, so quick runs stay quick.</summary>
    private const int SampledHardNegativeShare = 4;

    public static TaskData Load(TaskDefinition definition, string datasets, IReadOnlyList<FeedbackEntry> feedback, int? sample)
    {
        var usesFeedback = definition.Task == "sentiment";
        var examples = definition.Files.SelectMany(file => LabeledText.ReadTsv(Path.Combine(datasets, file))).ToList();
        var sources = definition.Files.Select(f => "data/" + f).ToList();
        if (usesFeedback && feedback.Count > 0)
        {
            examples.AddRange(feedback.Select(f => new LabeledText(f.Label, f.Text)));
            sources.Add($"feedback ({feedback.Count} entries)");
        }

        if (sample is { } size && size < examples.Count)
        {
            examples = StratifiedSample(examples, size);
        }

        var description = $"TweetEval {definition.Task} tweets (see data/README.md for attribution)" + (sources.Count > definition.Files.Count ? " plus stored feedback" : "");
        var texts = examples.Select(e => e.Text).ToList();
        var labels = LabelIndices(definition, examples, datasets);
        HeldOutTexts? heldOut = null;
        IReadOnlyList<SoberSnippet>? snippets = null;
        var hardNegatives = 0;
        if (definition.TestFile is { } testFile)
        {
            var sober = SoberText.Load(datasets);
            snippets = sample is { } n ? SampleBothKinds(sober.TrainingSnippets, Math.Max(2, n / SampledHardNegativeShare)) : sober.TrainingSnippets;
            var training = snippets.Select(s => s.Text).ToList();
            hardNegatives = training.Count;
            texts.AddRange(training);
            labels = [.. labels, .. Enumerable.Repeat(0, hardNegatives)];
            examples.AddRange(training.Select(t => new LabeledText(definition.Labels[0], t)));
            sources.Add($"{SoberText.Description}, training half ({hardNegatives} snippets as {definition.Labels[0]})");
            description += $", plus {hardNegatives} sober hard negatives";

            var test = LabeledText.ReadTsv(Path.Combine(datasets, testFile)).ToList();
            if (sample is { } testSize && testSize < test.Count)
            {
                test = StratifiedSample(test, testSize);
            }

            var soberHeldOut = sample is { } soberSize ? SampleBothKinds(sober.HeldOutSnippets, soberSize) : sober.HeldOutSnippets;
            heldOut = new HeldOutTexts("data/" + testFile, test.Select(e => e.Text).ToList(), LabelIndices(definition, test, datasets),
                [.. soberHeldOut.Select(s => s.Text)], [.. soberHeldOut.Select(s => s.Kind)]);
        }

        var counts = definition.Labels.ToDictionary(l => l, l => examples.Count(e => e.Label == l));
        return new TaskData(definition, texts, labels, new DataDescription(description, sources, examples.Count, counts),
            usesFeedback ? feedback.Count : 0, hardNegatives, heldOut, snippets);
    }

    /// <summary>
    /// Row weights for fitting: 1 for the task's own rows, <paramref name="complaintWeight"/> for the complaint
    /// hard negatives (editorial snippets stay at 1); null when there is nothing to weight.
    /// </summary>
    public float[]? RowWeights(float complaintWeight) =>
        HardNegativeSnippets is not { } hard || complaintWeight == 1f ? null
            : [.. Enumerable.Repeat(1f, TaskRows), .. hard.Select(s => s.Kind == SoberKind.Complaint ? complaintWeight : 1f)];

    /// <summary>The fold-grouping key of each row: the document of a hard negative (sentences of one review share a fold), null for tweets.</summary>
    public string?[]? FoldGroups() =>
        HardNegativeSnippets is not { } hard ? null : [.. Enumerable.Repeat<string?>(null, TaskRows), .. hard.Select(s => s.Document)];

    /// <summary>At most <paramref name="size"/> snippets, taken from each kind in turn so a quick run sees both.</summary>
    private static List<SoberSnippet> SampleBothKinds(IReadOnlyList<SoberSnippet> snippets, int size)
    {
        var byKind = snippets.GroupBy(s => s.Kind).OrderBy(g => g.Key).Select(g => new Queue<SoberSnippet>(g)).ToList();
        var taken = new List<SoberSnippet>();
        while (taken.Count < size && byKind.Any(q => q.Count > 0))
        {
            foreach (var queue in byKind.Where(q => q.Count > 0))
            {
                if (taken.Count < size)
                {
                    taken.Add(queue.Dequeue());
                }
            }
        }

        return taken;
    }

    private static int[] LabelIndices(TaskDefinition definition, List<LabeledText> examples, string datasets)
    {
        var labels = examples.Select(e => IndexOf(definition.Labels, e.Label)).ToArray();
        if (Array.IndexOf(labels, -1) is var unknown and >= 0)
        {
            throw new InvalidOperationException($"Unknown {definition.Task} label '{examples[unknown].Label}' in {datasets}.");
        }

        return labels;
    }

    /// <summary>At most <paramref name="size"/> examples, keeping class proportions; seeded, so reruns pick the same ones.</summary>
    private static List<LabeledText> StratifiedSample(List<LabeledText> examples, int size)
    {
        var random = new Random(7);
        var share = size / (double)examples.Count;
        return examples.GroupBy(e => e.Label).OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g =>
            {
                var members = g.ToArray();
                random.Shuffle(members);
                return members.Take(Math.Max(2, (int)Math.Round(members.Length * share)));
            })
            .ToList();
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

        return -1;
    }
}

/// <summary>
/// What a brand-safety head is measured on and never trained or calibrated on: its TweetEval test split
/// (labels in the task's order) and the held-out half of the sober snippets.
/// </summary>
public sealed record HeldOutTexts(string TestSource, IReadOnlyList<string> TestTexts, int[] TestLabels, IReadOnlyList<string> SoberTexts, IReadOnlyList<SoberKind> SoberKinds);
