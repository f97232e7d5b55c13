using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>A task's labelled texts: the shipped files, plus stored feedback for sentiment.</summary>
/// <remarks><see cref="FeedbackEntries"/>: feedback entries read (sentiment only), which <c>serve</c> compares with the log.</remarks>
public sealed record TaskData(TaskDefinition Definition, IReadOnlyList<string> Texts, int[] Labels, DataDescription Description, int FeedbackEntries)
{
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

        var labels = examples.Select(e => IndexOf(definition.Labels, e.Label)).ToArray();
        if (Array.IndexOf(labels, -1) is var unknown and >= 0)
        {
            throw new InvalidOperationException($"Unknown {definition.Task} label '{examples[unknown].Label}' in {datasets}.");
        }

        var counts = definition.Labels.ToDictionary(l => l, l => examples.Count(e => e.Label == l));
        var description = new DataDescription(
            $"TweetEval {definition.Task} tweets (see data/README.md for attribution)" + (sources.Count > definition.Files.Count ? " plus stored feedback" : ""),
            sources, examples.Count, counts);
        return new TaskData(definition, examples.Select(e => e.Text).ToList(), labels, description, usesFeedback ? feedback.Count : 0);
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
