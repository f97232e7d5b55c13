using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Grains.Allocation;
using StreamingMarketing.Grains.Experiments;

namespace StreamingMarketing.Benchmarks.Allocation;

/// <summary>A way of splitting the next round's impressions, given each variant's impressions and clicks so far.</summary>
internal interface ITrafficPolicy
{
    string Name { get; }

    double[] Split(long[] impressions, long[] clicks);
}

/// <summary>The product's policy: the allocation grain's arithmetic with its default options, one read per round.</summary>
internal sealed class ThompsonPolicy(AllocationOptions options) : ITrafficPolicy
{
    private readonly AllocationAdvisor advisor = new(options);
    private readonly ServedSplit split = new();

    public string Name => "Thompson sampling (floor, capped steps)";

    public double[] Split(long[] impressions, long[] clicks)
    {
        var counts = new VariantCounts { Variants = [.. impressions.Select((n, i) => new VariantCount($"v{i}", n, clicks[i], 0))] };
        var view = advisor.Advance("sim", VariantMetric.Ctr, counts, split, DateTime.UnixEpoch).View;
        return [.. view.Variants.Select(v => v.Share)];
    }
}

internal sealed class UniformPolicy : ITrafficPolicy
{
    public string Name => "uniform split";

    public double[] Split(long[] impressions, long[] clicks) => [.. impressions.Select(_ => 1.0 / impressions.Length)];
}

/// <summary>
/// The classic A/B test: uniform until the always-valid test the variants endpoint uses declares the observed leader
/// better than every other variant, then all traffic to it for good.
/// </summary>
internal sealed class TestThenWinnerPolicy : ITrafficPolicy
{
    private static readonly MixtureSprt Test = new(VariantTestRules.Tau, VariantTestRules.Alpha);
    private int? winner;

    public string Name => "A/B test to a verdict, then the winner";

    public double[] Split(long[] impressions, long[] clicks)
    {
        winner ??= DeclaredLeader(impressions, clicks);
        return winner is { } w
            ? [.. impressions.Select((_, i) => i == w ? 1.0 : 0.0)]
            : [.. impressions.Select(_ => 1.0 / impressions.Length)];
    }

    private static int? DeclaredLeader(long[] n, long[] x)
    {
        var leader = Enumerable.Range(0, n.Length).MaxBy(i => n[i] == 0 ? 0 : (double)x[i] / n[i]);
        for (var j = 0; j < n.Length; j++)
        {
            if (j == leader)
            {
                continue;
            }

            if (Math.Min(n[leader], n[j]) < VariantTestRules.MinImpressions || Math.Min(x[leader], x[j]) < VariantTestRules.MinSuccesses)
            {
                return null;
            }

            var (p, q) = ((double)x[leader] / n[leader], (double)x[j] / n[j]);
            if (!Test.Rejects(Math.Log(p / q), ((1 - p) / x[leader]) + ((1 - q) / x[j])))
            {
                return null;
            }
        }

        return leader;
    }
}
