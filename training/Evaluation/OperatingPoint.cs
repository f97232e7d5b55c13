using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// Chooses a brand-safety head's threshold on out-of-fold data only (never the test split): the best macro-F1 on
/// the task's tweets among thresholds that flag at most <see cref="MaxSoberFlagRate"/> of each kind of sober hard
/// negative on its own. Each kind is held to the ceiling separately because the kinds differ in size and
/// difficulty: pooled, the editorials (three of four snippets, rarely flagged) would let the threshold flag
/// plain product complaints several times as often as the ceiling says. The ceiling sits below the 3 % the
/// product promises on held-out sober text.
/// </summary>
public static class OperatingPoint
{
    public const double MaxSoberFlagRate = 0.02;

    /// <summary>Candidate thresholds on the calibrated probability: 0.05 to 0.95 in steps of 0.01.</summary>
    private static IEnumerable<double> Candidates => Enumerable.Range(5, 91).Select(i => i / 100.0);

    /// <summary>The chosen threshold and the tweets' macro-F1 there (negative infinity when no candidate keeps every kind under the ceiling).</summary>
    public static (double Threshold, double MacroF1) Choose(IReadOnlyList<double> taskProbabilities, IReadOnlyList<bool> truth,
        IReadOnlyList<double> hardNegativeProbabilities, IReadOnlyList<SoberKind>? hardNegativeKinds = null)
    {
        var kinds = hardNegativeKinds ?? [.. Enumerable.Repeat(SoberKind.Editorial, hardNegativeProbabilities.Count)];
        var groups = Enumerable.Range(0, hardNegativeProbabilities.Count).GroupBy(i => kinds[i])
            .Select(g => g.Select(i => hardNegativeProbabilities[i]).ToArray()).ToList();
        var best = (Threshold: Candidates.Last(), MacroF1: double.NegativeInfinity);
        foreach (var threshold in Candidates)
        {
            if (groups.Any(g => FlagRate.Compute("", g, threshold).Rate > MaxSoberFlagRate))
            {
                continue;
            }

            var macroF1 = BinaryMetrics.Compute("", truth, taskProbabilities, threshold).MacroF1;
            if (macroF1 > best.MacroF1)
            {
                best = (threshold, macroF1);
            }
        }

        return best;
    }
}
