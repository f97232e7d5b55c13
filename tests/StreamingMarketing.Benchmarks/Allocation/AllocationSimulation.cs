using MathNet.Numerics.Distributions;

namespace StreamingMarketing.Benchmarks.Allocation;

/// <summary>
/// An ad platform following a policy round by round: read the split, serve the round's impressions in it (largest
/// remainder, so they add up), draw each variant's clicks from its true CTR, and count the clicks the split is
/// expected to lose against serving only the best variant (pseudo-regret: Σ impressions × (best CTR − its CTR), free
/// of the click draws' noise).
/// </summary>
internal static class AllocationSimulation
{
    public sealed record Run(double Regret, double BestShareAtEnd, int? FirstRoundBestAtLeast70);

    public static Run Follow(ITrafficPolicy policy, double[] trueRates, int rounds, int impressionsPerRound, Random random)
    {
        var k = trueRates.Length;
        var (impressions, clicks) = (new long[k], new long[k]);
        var best = trueRates.Max();
        var bestIndex = Array.IndexOf(trueRates, best);
        var regret = 0.0;
        var share = 0.0;
        int? reached = null;
        for (var round = 1; round <= rounds; round++)
        {
            var split = policy.Split(impressions, clicks);
            share = split[bestIndex];
            if (share >= 0.7 && reached is null)
            {
                reached = round;
            }

            var served = Serve(split, impressionsPerRound);
            for (var i = 0; i < k; i++)
            {
                impressions[i] += served[i];
                clicks[i] += served[i] == 0 ? 0 : Binomial.Sample(random, trueRates[i], served[i]);
                regret += served[i] * (best - trueRates[i]);
            }
        }

        return new Run(regret, share, reached);
    }

    private static int[] Serve(double[] split, int total)
    {
        var exact = split.Select(s => s * total).ToArray();
        var served = exact.Select(e => (int)Math.Floor(e)).ToArray();
        foreach (var i in Enumerable.Range(0, split.Length).OrderByDescending(i => exact[i] - served[i]).Take(total - served.Sum()))
        {
            served[i]++;
        }

        return served;
    }
}
