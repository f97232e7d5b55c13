namespace StreamingMarketing.Sentiment;

/// <summary>
/// A binary head measured at its documented threshold on data it never saw in training or calibration: the
/// task's own test split, and sober text (review and editorial snippets that are never insults).
/// </summary>
public sealed record HeldOutEvaluation(BinaryMetrics Test, FlagRate SoberText);

/// <summary>Precision, recall and F1 of the positive class, plus macro-F1 over both classes (TweetEval's metric for these tasks).</summary>
public sealed record BinaryMetrics(
    string Dataset,
    int Examples,
    int Positives,
    double Threshold,
    double Precision,
    double Recall,
    double F1,
    double MacroF1,
    double Accuracy,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix)
{
    /// <summary>Metrics of flagging at <paramref name="threshold"/>; confusion rows are true labels (negative, positive), columns the flags.</summary>
    public static BinaryMetrics Compute(string dataset, IReadOnlyList<bool> truth, IReadOnlyList<double> probabilities, double threshold)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var flagged = probabilities[i] >= threshold;
            (tp, fp, fn, tn) = (truth[i], flagged) switch
            {
                (true, true) => (tp + 1, fp, fn, tn),
                (false, true) => (tp, fp + 1, fn, tn),
                (true, false) => (tp, fp, fn + 1, tn),
                _ => (tp, fp, fn, tn + 1),
            };
        }

        var precision = Ratio(tp, tp + fp);
        var recall = Ratio(tp, tp + fn);
        var f1 = HarmonicMean(precision, recall);
        var negativeF1 = HarmonicMean(Ratio(tn, tn + fn), Ratio(tn, tn + fp));
        return new BinaryMetrics(dataset, truth.Count, tp + fn, threshold, Math.Round(precision, 4), Math.Round(recall, 4), Math.Round(f1, 4),
            Math.Round((f1 + negativeF1) / 2, 4), Math.Round(Ratio(tp + tn, truth.Count), 4), [[tn, fp], [fn, tp]]);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : numerator / (double)denominator;

    private static double HarmonicMean(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}

/// <summary>How many texts that should never be flagged were flagged at the threshold.</summary>
public sealed record FlagRate(string Dataset, int Examples, int Flagged, double Threshold)
{
    public double Rate => Examples == 0 ? 0 : Math.Round(Flagged / (double)Examples, 4);

    public static FlagRate Compute(string dataset, IReadOnlyList<double> probabilities, double threshold) =>
        new(dataset, probabilities.Count, probabilities.Count(p => p >= threshold), threshold);
}
