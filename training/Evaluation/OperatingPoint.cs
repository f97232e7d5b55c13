using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// Chooses a brand-safety head's threshold on out-of-fold data only (never the test split): the best macro-F1 on
/// the task's tweets among thresholds that flag at most <see cref="MaxSoberFlagRate"/> of the sober hard
/// negatives. The ceiling sits below the 3 % the product promises on held-out sober text, because out-of-fold
/// rows share documents with their training folds and so read optimistic.
/// </summary>
public static class OperatingPoint
{
    public const double MaxSoberFlagRate = 0.02;

    /// <summary>Candidate thresholds on the calibrated probability: 0.05 to 0.95 in steps of 0.01.</summary>
    private static IEnumerable<double> Candidates => Enumerable.Range(5, 91).Select(i => i / 100.0);

    public static double Choose(IReadOnlyList<double> taskProbabilities, IReadOnlyList<bool> truth, IReadOnlyList<double> hardNegativeProbabilities)
    {
        var best = (Threshold: Candidates.Last(), MacroF1: double.NegativeInfinity);
        foreach (var threshold in Candidates)
        {
            if (hardNegativeProbabilities.Count > 0 && FlagRate.Compute("", hardNegativeProbabilities, threshold).Rate > MaxSoberFlagRate)
            {
                continue;
            }

            var macroF1 = BinaryMetrics.Compute("", truth, taskProbabilities, threshold).MacroF1;
            if (macroF1 > best.MacroF1)
            {
                best = (threshold, macroF1);
            }
        }

        return best.Threshold;
    }
}
