using MathNet.Numerics.Distributions;

namespace StreamingMarketing.Grains.Allocation;

/// <summary>
/// Independent Beta(1 + successes, 1 + failures) posteriors of the variants' rates (a uniform prior), and the two
/// numbers Thompson sampling needs from them, computed by quadrature rather than by drawing samples, so that the
/// same counters always give the same split:
/// P(arm i is best) = ∫ fᵢ(x) Πⱼ≠ᵢ Fⱼ(x) dx, which is the share of traffic Thompson sampling sends to arm i
/// (Thompson 1933; Chapelle and Li, "An Empirical Evaluation of Thompson Sampling", 2011), and
/// E[max rate] = 1 − ∫₀¹ Πⱼ Fⱼ(x) dx, from which the expected loss of a split follows.
/// </summary>
public sealed class BetaArms
{
    /// <summary>Each posterior is integrated over its mean ± this many standard deviations, beyond which its mass is below 1e-15.</summary>
    private const double Reach = 9;

    /// <summary>Quadrature nodes per arm across its own reach: posteriors of 100,000 impressions are narrow, so each gets its own.</summary>
    private const int NodesPerArm = 512;

    private readonly double[] alpha;
    private readonly double[] beta;

    public BetaArms(IReadOnlyList<(long Trials, long Successes)> arms)
    {
        alpha = new double[arms.Count];
        beta = new double[arms.Count];
        for (var i = 0; i < arms.Count; i++)
        {
            var trials = Math.Max(0, arms[i].Trials);
            var successes = Math.Clamp(arms[i].Successes, 0, trials);
            alpha[i] = 1 + successes;
            beta[i] = 1 + (trials - successes);
        }

        Count = arms.Count;
        (ProbabilityBest, ExpectedMax) = Integrate();
    }

    public int Count { get; }

    /// <summary>P(arm i has the highest rate); sums to 1.</summary>
    public double[] ProbabilityBest { get; }

    /// <summary>E[max over arms of the rate].</summary>
    public double ExpectedMax { get; }

    public double Mean(int arm) => alpha[arm] / (alpha[arm] + beta[arm]);

    /// <summary>E[max rate] − Σ share × E[rate]: the rate a split is expected to lose per impression against the best arm.</summary>
    public double ExpectedLoss(IReadOnlyList<double> shares)
    {
        var served = 0.0;
        for (var i = 0; i < Count; i++)
        {
            served += shares[i] * Mean(i);
        }

        return Math.Max(0, ExpectedMax - served);
    }

    private (double[] Best, double ExpectedMax) Integrate()
    {
        if (Count == 0)
        {
            return ([], 0);
        }

        var ranges = Enumerable.Range(0, Count).Select(Reachable).ToArray();
        var nodes = Nodes(ranges);
        var cdf = new double[Count][];
        var pdf = new double[Count][];
        for (var arm = 0; arm < Count; arm++)
        {
            (cdf[arm], pdf[arm]) = (new double[nodes.Length], new double[nodes.Length]);
            var (low, high) = ranges[arm];
            for (var k = 0; k < nodes.Length; k++)
            {
                var x = nodes[k];

                // Outside its reach an arm's CDF is 0 or 1 to double precision: skip the incomplete beta function there.
                (cdf[arm][k], pdf[arm][k]) = x <= low ? (0, 0)
                    : x >= high ? (1, 0)
                    : (Beta.CDF(alpha[arm], beta[arm], x), Math.Exp(Beta.PDFLn(alpha[arm], beta[arm], x)));
            }
        }

        var best = new double[Count];
        var belowAll = new double[nodes.Length];
        for (var k = 0; k < nodes.Length; k++)
        {
            var product = 1.0;
            for (var arm = 0; arm < Count; arm++)
            {
                product *= cdf[arm][k];
            }

            belowAll[k] = product;
        }

        for (var arm = 0; arm < Count; arm++)
        {
            best[arm] = Trapezoid(nodes, k =>
            {
                var others = 1.0;
                for (var j = 0; j < Count; j++)
                {
                    if (j != arm)
                    {
                        others *= cdf[j][k];
                    }
                }

                return pdf[arm][k] * others;
            });
        }

        var sum = best.Sum();
        for (var arm = 0; arm < Count; arm++)
        {
            // The quadrature error is far below the floor any split applies; normalise so the shares sum to exactly 1.
            best[arm] = sum > 0 ? best[arm] / sum : 1.0 / Count;
        }

        return (best, 1 - Trapezoid(nodes, k => belowAll[k]));
    }

    private (double Low, double High) Reachable(int arm)
    {
        var (a, b) = (alpha[arm], beta[arm]);
        var mean = a / (a + b);
        var sd = Math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
        return (Math.Max(0, mean - (Reach * sd)), Math.Min(1, mean + (Reach * sd)));
    }

    private static double[] Nodes((double Low, double High)[] ranges)
    {
        var nodes = new List<double>((ranges.Length * (NodesPerArm + 1)) + 2) { 0, 1 };
        foreach (var (low, high) in ranges)
        {
            for (var i = 0; i <= NodesPerArm; i++)
            {
                nodes.Add(low + ((high - low) * i / NodesPerArm));
            }
        }

        nodes.Sort();
        return [.. nodes.Distinct()];
    }

    private static double Trapezoid(double[] nodes, Func<int, double> value)
    {
        var sum = 0.0;
        var previous = value(0);
        for (var k = 1; k < nodes.Length; k++)
        {
            var current = value(k);
            sum += (nodes[k] - nodes[k - 1]) * (previous + current) / 2;
            previous = current;
        }

        return sum;
    }
}
