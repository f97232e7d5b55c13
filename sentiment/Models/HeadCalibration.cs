namespace StreamingMarketing.Sentiment;

/// <summary>
/// Platt scaling of a binary head, fitted on out-of-fold scores of its training tweets: the head's log-odds
/// <c>z = ln(p₁/p₀)</c> become <c>σ(Slope·z + Intercept)</c>, a probability at <see cref="BaseRate"/> (the share
/// of positives among the tweets it was fitted on). <see cref="Threshold"/> is the documented operating point on
/// that calibrated probability; its precision and recall on the held-out test split are in <see cref="TaskHead.HeldOut"/>.
/// </summary>
/// <remarks>
/// The head itself is trained class-balanced (its raw output assumes 50 % positives), which is why a raw 0.9 said
/// little: calibration maps it onto observed frequencies.
/// </remarks>
public sealed record HeadCalibration(string Method, double Slope, double Intercept, double BaseRate, double Threshold, string FittedOn)
{
    /// <summary>Keeps log-odds finite for heads that output exactly 0 or 1.</summary>
    private const double Epsilon = 1e-7;

    /// <summary>The calibrated probability of the positive class at <see cref="BaseRate"/>.</summary>
    public double Calibrate(double rawPositive)
    {
        var p = Math.Clamp(rawPositive, Epsilon, 1 - Epsilon);
        return Sigmoid((Slope * Math.Log(p / (1 - p))) + Intercept);
    }

    /// <summary>
    /// Prior-shift correction (Saerens et al. 2002): the same evidence read at a deployment's base rate instead of
    /// the calibration data's. Odds scale by the ratio of the two priors' odds; ranking, and so which texts pass a
    /// shifted threshold, is unchanged.
    /// </summary>
    public static double ShiftPrior(double probability, double fromBaseRate, double toBaseRate)
    {
        if (fromBaseRate == toBaseRate)
        {
            return probability;
        }

        var p = Math.Clamp(probability, Epsilon, 1 - Epsilon);
        var logOdds = Math.Log(p / (1 - p)) + Math.Log(toBaseRate / (1 - toBaseRate)) - Math.Log(fromBaseRate / (1 - fromBaseRate));
        return Sigmoid(logOdds);
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
