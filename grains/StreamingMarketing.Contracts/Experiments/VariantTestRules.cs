namespace StreamingMarketing.Contracts.Experiments;

/// <summary>The constants of the variants test, here so that the answer and the OpenAPI document state the same rule.</summary>
public static class VariantTestRules
{
    public const double Alpha = 0.05;

    /// <summary>The mixture's spread on ln(rate ratio): relative lifts of about ±10%, the size creative tests look for.</summary>
    public const double Tau = 0.1;

    /// <summary>Below these the log-ratio is far from normal and its plug-in variance unreliable: no verdict yet.</summary>
    public const long MinImpressions = 100;
    public const long MinSuccesses = 10;

    /// <summary>The lift assumed when estimating the impressions still needed while the observed one is smaller (or zero).</summary>
    public const double SmallestLiftOfInterest = 0.05;

    public static readonly TestDescription Description = new()
    {
        Method = $"mixture sequential probability ratio test (always valid), normal mixture with tau = {Tau} on ln(variant rate / control rate)",
        Alpha = Alpha,
        DecisionRule = $"Declare better or worse once the always-valid {1 - Alpha:P0} confidence sequence of the lift excludes 0 " +
            $"(likelihood ratio ≥ 1/alpha = {1 / Alpha:0}), with at least {MinImpressions} impressions and {MinSuccesses} successes in both arms. " +
            $"Reading it after every event keeps the chance of declaring a difference that is not there at most {Alpha:P0}.",
    };
}
