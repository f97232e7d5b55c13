using MathNet.Numerics.Distributions;
using StreamingMarketing.Contracts.Experiments;

namespace StreamingMarketing.Grains.Experiments;

/// <summary>
/// The Jeffreys interval of a rate (the Beta(x + ½, n − x + ½) posterior's quantiles): close to nominal coverage even
/// for the small rates of clicks and conversions, where the normal (Wald) interval is too narrow. It describes one
/// variant at one moment; the comparison between variants uses the always-valid <see cref="MixtureSprt"/>.
/// </summary>
public static class RateInterval
{
    public static Estimate? Jeffreys(long successes, long trials, double confidence = 0.95)
    {
        if (trials <= 0)
        {
            return null;
        }

        // Engagements may outnumber impressions (one user likes and shares); the interval is for a proportion, so cap.
        var x = Math.Min(successes, trials);
        var tail = (1 - confidence) / 2;
        var (a, b) = (x + 0.5, trials - x + 0.5);
        var low = x == 0 ? 0 : Beta.InvCDF(a, b, tail);
        var high = x == trials ? 1 : Beta.InvCDF(a, b, 1 - tail);
        return new Estimate((double)successes / trials, low, high);
    }
}
