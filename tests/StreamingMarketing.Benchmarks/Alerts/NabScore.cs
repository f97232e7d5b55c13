namespace StreamingMarketing.Benchmarks.Alerts;

/// <summary>
/// NAB's scoring under its standard profile (Lavin &amp; Ahmad, "Evaluating Real-time Anomaly Detection Algorithms – the
/// Numenta Anomaly Benchmark", 2015; nab/sweeper.py in github.com/numenta/NAB): the first detection inside a labeled
/// window earns A_TP × σ(position), 0.987 at the window's start falling to 0 at its end; a window without one costs
/// A_FN; a detection outside every window costs A_FP, scaled down by the same sigmoid just after a window. Rows in the
/// probationary period (the first 15% of the file, at most 750 rows) are not scored.
/// </summary>
internal static class NabScore
{
    public const double TruePositiveWeight = 1.0;
    public const double FalsePositiveWeight = 0.11;
    public const double FalseNegativeWeight = 1.0;

    public sealed record Result(double Raw, int Windows, int Caught, int FalseAlerts, double ScoredWeeks);

    /// <param name="windows">Each labeled window as inclusive row indices.</param>
    /// <param name="detections">Row indices of alert openings, ascending.</param>
    public static Result Score(int rows, IReadOnlyList<(int Left, int Right)> windows, IReadOnlyList<int> detections)
    {
        var probation = ProbationRows(rows);
        var hits = new HashSet<int>(detections.Where(d => d >= probation));
        double score = 0;
        var caught = new bool[windows.Count];
        var falseAlerts = 0;
        foreach (var row in hits.Order())
        {
            var w = IndexOfWindow(windows, row);
            if (w >= 0)
            {
                if (!caught[w])
                {
                    caught[w] = true;
                    var (left, right) = windows[w];
                    var width = right - left + 1;
                    score += TruePositiveWeight * ScaledSigmoid(-(double)(right - row + 1) / width);
                }

                continue;
            }

            falseAlerts++;
            var previous = windows.Select((x, i) => (x, i)).Where(p => p.x.Right < row).Select(p => p.i).DefaultIfEmpty(-1).Max();
            var unweighted = previous < 0
                ? -1.0
                : ScaledSigmoid(Math.Abs(windows[previous].Right - row) / (double)(windows[previous].Right - windows[previous].Left));
            score += FalsePositiveWeight * unweighted;
        }

        score -= FalseNegativeWeight * caught.Count(c => !c);
        return new Result(score, windows.Count, caught.Count(c => c), falseAlerts, (rows - probation) * 5.0 / (60 * 24 * 7));
    }

    /// <summary>What no detections at all score (every window missed) and what a detection at each window's first row scores.</summary>
    public static (double Null, double Perfect) Bounds(int windows) =>
        (-FalseNegativeWeight * windows, TruePositiveWeight * ScaledSigmoid(-1.0) * windows);

    /// <summary>NAB's normalised score: 0 for the null detector, 100 for the perfect one, over the summed raw scores.</summary>
    public static double Normalised(double raw, int windows)
    {
        var (none, perfect) = Bounds(windows);
        return 100 * (raw - none) / (perfect - none);
    }

    public static int ProbationRows(int rows) => (int)Math.Min(Math.Floor(0.15 * rows), 0.15 * 5000);

    /// <summary>2σ(−5x) − 1: +0.987 at x = −1 (a window's start), 0 at its end, −1 from 3 window widths past it.</summary>
    private static double ScaledSigmoid(double x) => x > 3.0 ? -1.0 : (2.0 / (1 + Math.Exp(5 * x))) - 1.0;

    private static int IndexOfWindow(IReadOnlyList<(int Left, int Right)> windows, int row)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i].Left <= row && row <= windows[i].Right)
            {
                return i;
            }
        }

        return -1;
    }
}
