using MathNet.Numerics.RootFinding;

namespace StreamingMarketing.Grains.Experiments;

/// <summary>
/// The mixture sequential probability ratio test for an estimate θ̂ that is approximately N(θ, V), with the alternative
/// mixed over θ ~ N(0, τ²) (Robbins 1970; Johari, Pekelis and Walsh, "Always Valid Inference", 2017). Its likelihood
/// ratio Λ is a martingale under θ = 0, so by Ville's inequality P(Λ ever reaches 1/α) ≤ α: the test may be read after
/// every event, as often as anyone likes, and still declares a difference that is not there with probability at most α.
/// The confidence sequence (every θ the test would not reject) holds the true θ at all times with probability 1 − α.
/// </summary>
public sealed class MixtureSprt(double tau, double alpha)
{
    public double Tau => tau;

    public double Alpha => alpha;

    private double Threshold => Math.Log(1 / alpha);

    /// <summary>ln Λ for the estimate against θ = 0.</summary>
    public double LogLikelihoodRatio(double estimate, double variance)
    {
        var t2 = tau * tau;
        return (0.5 * Math.Log(variance / (variance + t2))) + (t2 * estimate * estimate / (2 * variance * (variance + t2)));
    }

    public bool Rejects(double estimate, double variance) => LogLikelihoodRatio(estimate, variance) >= Threshold;

    /// <summary>Half the width of the confidence sequence at this variance: θ̂ ± radius holds θ at all times with probability 1 − α.</summary>
    public double Radius(double variance)
    {
        var t2 = tau * tau;
        return Math.Sqrt(variance * (variance + t2) / t2 * (Math.Log((variance + t2) / variance) + (2 * Threshold)));
    }

    /// <summary>
    /// By how much the sample must grow (variance shrinking as 1/k) before an effect this large is declared, or null
    /// beyond <paramref name="maxMultiplier"/>. 1 when it is declared already.
    /// </summary>
    public double? SampleMultiplier(double effect, double variance, double maxMultiplier = 1e6)
    {
        double Margin(double k) => LogLikelihoodRatio(effect, variance / k) - Threshold;
        if (Margin(1) >= 0)
        {
            return 1;
        }

        // Λ falls slightly before it climbs (the √(V/(V+τ²)) factor), so step out until the margin is positive.
        var lower = 1.0;
        var upper = 2.0;
        while (Margin(upper) < 0)
        {
            if (upper >= maxMultiplier)
            {
                return null;
            }

            lower = upper;
            upper *= 2;
        }

        return Brent.FindRoot(Margin, lower, upper, accuracy: 1e-6);
    }
}
