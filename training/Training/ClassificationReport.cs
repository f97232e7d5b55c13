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

    public static void Print(ValidationMetrics metrics, IReadOnlyList<string> labels, TextWriter output)
    {
        output.WriteLine($"{metrics.Method} on {metrics.Examples} examples");
        output.WriteLine($"  macro-recall {metrics.MacroRecall:F4}   accuracy {metrics.Accuracy:F4}   macro-F1 {metrics.MacroF1:F4}");
        output.WriteLine("  recall     " + string.Join("  ", labels.Select(l => $"{l} {metrics.PerClassRecall[l]:F4}")));
        output.WriteLine($"  confusion (rows true, columns predicted): {string.Join(" ", labels.Select(l => l.PadLeft(9)))}");
        for (var i = 0; i < labels.Count; i++)
        {
            output.WriteLine($"  {labels[i],40} {string.Join(" ", metrics.ConfusionMatrix[i].Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(9)))}");
        }
    }
}
