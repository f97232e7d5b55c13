using MathNet.Numerics.Distributions;

namespace StreamingMarketing.Grains.Forecasting;

/// <summary>
/// Prediction intervals from the model's own past errors (split-conformal style: Vovk et al., "Algorithmic Learning
/// in a Random World", and FPP3 §5.5 on bootstrapped residuals): the interval of coverage c is the
/// ⌊(m+1)(1−c)/2⌋-th and ⌈(m+1)(1+c)/2⌉-th of the m sorted log-space errors the same horizon had from rolling origins,
/// so it holds what it claims when the future errs like the past. With fewer than <see cref="MinResiduals"/> errors it
/// falls back to a normal interval on their robust scale, growing with √h.
/// </summary>
public static class EmpiricalIntervals
{
    public const int MinResiduals = 20;

    /// <summary>Log-space scale assumed when not even a handful of errors exist: a factor of e either way at 68%.</summary>
    private const double UnknownScale = 1.0;

    /// <summary>The (low, high) offsets in log space around the median forecast; <paramref name="sorted"/> ascending.</summary>
    public static (double Low, double High) Offsets(double[] sorted, double coverage, double oneStepScale, int horizon)
    {
        var m = sorted.Length;
        if (m >= MinResiduals)
        {
            var low = (int)Math.Floor((m + 1) * (1 - coverage) / 2);
            var high = (int)Math.Ceiling((m + 1) * (1 + coverage) / 2);
            return (sorted[Math.Clamp(low, 1, m) - 1], sorted[Math.Clamp(high, 1, m) - 1]);
        }

        var z = Normal.InvCDF(0, 1, (1 + coverage) / 2);
        var spread = z * oneStepScale * Math.Sqrt(horizon);
        return (-spread, spread);
    }

    /// <summary>1.4826 × the median absolute error: the standard deviation were they normal; <see cref="UnknownScale"/> below 5 errors.</summary>
    public static double RobustScale(IReadOnlyList<double> residuals)
    {
        if (residuals.Count < 5)
        {
            return UnknownScale;
        }

        return Math.Max(0.05, 1.4826 * SeasonalProfile.Median(residuals.Select(Math.Abs).ToArray()));
    }
}
