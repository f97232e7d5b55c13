using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Grains.Experiments;

namespace StreamingMarketing.Tests.Experiments;

/// <summary>
/// Simulated A/B tests read the way a campaign manager reads the page: impressions arrive in steps (a minute's
/// traffic each) and the verdict is looked at after every step. Seeded, so a run is repeatable.
/// </summary>
public sealed class PeekingSimulation(double controlRate, double variantRate, int seed)
{
    public sealed record Run(string? FirstVerdict, long ImpressionsAtVerdict, double? FinalRelativeLow, double? FinalRelativeHigh);

    /// <summary>One test of <paramref name="impressions"/> split evenly, read after every <paramref name="step"/> impressions.</summary>
    public Run Once(long impressions, int step, Func<long, long, long, long, string?> verdictOf, Random random)
    {
        long nA = 0, xA = 0, nB = 0, xB = 0;
        string? first = null;
        long at = 0;
        while (nA + nB < impressions)
        {
            nA += step / 2;
            nB += step / 2;
            xA += Binomial.Sample(random, controlRate, step / 2);
            xB += Binomial.Sample(random, variantRate, step / 2);
            if (first is null && verdictOf(nB, xB, nA, xA) is { } verdict)
            {
                (first, at) = (verdict, nA + nB);
            }
        }

        var final = Sequential(nB, xB, nA, xA);
        return new Run(first, at, final?.Lift?.Relative.Low, final?.Lift?.Relative.High);
    }

    public List<Run> Many(int runs, long impressions, int step, Func<long, long, long, long, string?> verdictOf)
    {
        var random = new SystemRandomSource(seed);
        return Enumerable.Range(0, runs).Select(_ => Once(impressions, step, verdictOf, random)).ToList();
    }

    /// <summary>The product's test: the variant's result against the control, as the endpoint computes it.</summary>
    public static VariantResult? Sequential(long n, long x, long controlN, long controlX)
    {
        var tally = new VariantTally();
        tally.ByName["control"] = Counters(controlN, controlX);
        tally.ByName["variant"] = Counters(n, x);
        var view = VariantComparison.Compare("sim", tally, VariantMetric.Ctr, "control", "1h", DateTime.UtcNow, DateTime.UtcNow);
        return view.Variants.Single(v => v.Name == "variant");
    }

    public static string? SequentialVerdict(long n, long x, long controlN, long controlX) =>
        Sequential(n, x, controlN, controlX)!.Verdict is "better" or "worse" ? Sequential(n, x, controlN, controlX)!.Verdict : null;

    /// <summary>The fixed-horizon two-proportion z-test at 5%, wrongly read after every step: what the sequential test replaces.</summary>
    public static string? NaiveVerdict(long n, long x, long controlN, long controlX)
    {
        var (p, q) = ((double)x / n, (double)controlX / controlN);
        var pooled = (double)(x + controlX) / (n + controlN);
        var z = (p - q) / Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n) + (1.0 / controlN)));
        return Math.Abs(z) >= Normal.InvCDF(0, 1, 0.975) ? (z > 0 ? "better" : "worse") : null;
    }

    private static VariantCounters Counters(long impressions, long clicks)
    {
        var counters = new VariantCounters();
        counters.Totals.ByType[(int)Contracts.Events.EventType.Impression] = impressions;
        counters.Totals.ByType[(int)Contracts.Events.EventType.Click] = clicks;
        return counters;
    }
}
