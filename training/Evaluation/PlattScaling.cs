namespace StreamingMarketing.Training;

/// <summary>
/// Platt (1999) scaling: fits <c>p = σ(a·z + b)</c> to held-out log-odds <c>z</c> and 0/1 outcomes by Newton's
/// method on the log-loss, with Platt's smoothed targets ((N₊+1)/(N₊+2) and 1/(N₋+2)) so that a perfectly
/// separated calibration set does not drive the slope to infinity.
/// </summary>
public static class PlattScaling
{
    public static (double Slope, double Intercept) Fit(IReadOnlyList<double> logOdds, IReadOnlyList<bool> truth)
    {
        var positives = truth.Count(t => t);
        var negatives = truth.Count - positives;
        double high = (positives + 1.0) / (positives + 2.0), low = 1.0 / (negatives + 2.0);
        double a = 1, b = 0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
            for (var i = 0; i < logOdds.Count; i++)
            {
                var p = 1 / (1 + Math.Exp(-((a * logOdds[i]) + b)));
                var error = p - (truth[i] ? high : low);
                var curvature = Math.Max(p * (1 - p), 1e-12);
                ga += error * logOdds[i];
                gb += error;
                haa += curvature * logOdds[i] * logOdds[i];
                hab += curvature * logOdds[i];
                hbb += curvature;
            }

            var determinant = (haa * hbb) - (hab * hab);
            if (Math.Abs(determinant) < 1e-18)
            {
                break;
            }

            var stepA = ((hbb * ga) - (hab * gb)) / determinant;
            var stepB = ((haa * gb) - (hab * ga)) / determinant;
            a -= stepA;
            b -= stepB;
            if (Math.Abs(stepA) + Math.Abs(stepB) < 1e-10)
            {
                break;
            }
        }

        return (a, b);
    }
}
