using System.Globalization;
using Spectre.Console;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>Macro-recall (TweetEval's sentiment metric), accuracy, macro-F1, per-class recall and the confusion matrix.</summary>
public static class ClassificationReport
{
    public static ValidationMetrics Compute(string method, IReadOnlyList<string> labels, IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        var k = labels.Count;
        var confusion = new int[k][];
        for (var i = 0; i < k; i++)
        {
            confusion[i] = new int[k];
        }

        for (var i = 0; i < truth.Count; i++)
        {
            confusion[truth[i]][predicted[i]]++;
        }

        var recall = new double[k];
        var f1 = new double[k];
        for (var c = 0; c < k; c++)
        {
            var actual = confusion[c].Sum();
            var predictedAs = confusion.Sum(row => row[c]);
            recall[c] = actual == 0 ? 0 : confusion[c][c] / (double)actual;
            var precision = predictedAs == 0 ? 0 : confusion[c][c] / (double)predictedAs;
            f1[c] = precision + recall[c] == 0 ? 0 : 2 * precision * recall[c] / (precision + recall[c]);
        }

        var correct = Enumerable.Range(0, k).Sum(c => confusion[c][c]);
        return new ValidationMetrics(
            method,
            truth.Count,
            Math.Round(recall.Average(), 4),
            Math.Round(correct / (double)truth.Count, 4),
            Math.Round(f1.Average(), 4),
            labels.Select((label, c) => (label, c)).ToDictionary(x => x.label, x => Math.Round(recall[x.c], 4)),
            confusion);
    }

    /// <summary>The metrics table: headline metrics, per-class recall and the confusion matrix.</summary>
    public static Table Render(ValidationMetrics metrics, IReadOnlyList<string> labels, string title)
    {
        var table = new Table().Title(title).AddColumn("true \\ predicted");
        foreach (var label in labels)
        {
            table.AddColumn(new TableColumn(label).RightAligned());
        }

        table.AddColumn(new TableColumn("recall").RightAligned());
        for (var i = 0; i < labels.Count; i++)
        {
            table.AddRow([labels[i], .. metrics.ConfusionMatrix[i].Select(v => v.ToString(CultureInfo.InvariantCulture)), metrics.PerClassRecall[labels[i]].ToString("F4", CultureInfo.InvariantCulture)]);
        }

        table.Caption($"macro-recall {metrics.MacroRecall:F4}   accuracy {metrics.Accuracy:F4}   macro-F1 {metrics.MacroF1:F4}   ({metrics.Method}, {metrics.Examples} examples)");
        return table;
    }
}
