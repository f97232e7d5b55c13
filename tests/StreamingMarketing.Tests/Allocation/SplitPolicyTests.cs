using StreamingMarketing.Grains.Allocation;

namespace StreamingMarketing.Tests.Allocation;

public sealed class SplitPolicyTests
{
    private static readonly SplitPolicy Policy = new(MinShare: 0.05, MaxShareChange: 0.2);

    [Fact]
    public void The_target_keeps_every_live_variant_at_the_floor_and_sums_to_one()
    {
        var target = Policy.Target(new Dictionary<string, double> { ["a"] = 0, ["b"] = 0.01, ["c"] = 0.99 }, ["a", "b", "c"]);

        Assert.Equal(0.05, target["a"], precision: 12);
        Assert.Equal(0.05 + (0.85 * 0.01), target["b"], precision: 12);
        Assert.Equal(1.0, target.Values.Sum(), precision: 12);
    }

    [Fact]
    public void A_paused_variant_gets_nothing_and_its_probability_goes_to_the_live_ones()
    {
        var probability = new Dictionary<string, double> { ["a"] = 0.6, ["b"] = 0.3, ["c"] = 0.1 };

        var target = Policy.Target(probability, ["b", "c"]);
        var rebased = Policy.Rebase(new Dictionary<string, double> { ["a"] = 0.5, ["b"] = 0.3, ["c"] = 0.2 }, ["b", "c"]);

        Assert.False(target.ContainsKey("a"));
        Assert.Equal(0.05 + (0.9 * 0.75), target["b"], precision: 12);
        Assert.Equal(1.0, target.Values.Sum(), precision: 12);
        Assert.False(rebased.ContainsKey("a"));
        Assert.Equal(1.0, rebased.Values.Sum(), precision: 12);
        Assert.Equal(0.05 + (0.9 * 0.6), rebased["b"], precision: 12);
    }

    [Fact]
    public void A_step_moves_no_share_by_more_than_the_cap_and_stays_a_split()
    {
        var from = new Dictionary<string, double> { ["a"] = 1.0 / 3, ["b"] = 1.0 / 3, ["c"] = 1.0 / 3 };
        var target = new Dictionary<string, double> { ["a"] = 0.05, ["b"] = 0.05, ["c"] = 0.9 };

        var step = Policy.Step(from, target);

        Assert.Equal(0.2, SplitPolicy.LargestMove(step, from), precision: 12);
        Assert.Equal(1.0, step.Values.Sum(), precision: 12);
        Assert.All(step.Values, share => Assert.True(share >= 0.05));
        Assert.Equal(target, Policy.Step(Policy.Step(Policy.Step(step, target), target), target), new ShareComparer());
    }

    [Fact]
    public void A_new_variant_joins_at_the_floor_and_the_same_live_set_keeps_its_split()
    {
        var previous = new Dictionary<string, double> { ["a"] = 0.2, ["b"] = 0.8 };

        var joined = Policy.Rebase(previous, ["a", "b", "new"]);
        var same = Policy.Rebase(previous, ["a", "b"]);

        Assert.Equal(0.05, joined["new"], precision: 12);
        Assert.Equal(1.0, joined.Values.Sum(), precision: 12);
        Assert.Equal(previous, same);
        Assert.Equal(0.5, Policy.Rebase(null, ["a", "b"])["a"]);
    }

    private sealed class ShareComparer : IEqualityComparer<KeyValuePair<string, double>>
    {
        public bool Equals(KeyValuePair<string, double> x, KeyValuePair<string, double> y) => x.Key == y.Key && Math.Abs(x.Value - y.Value) < 1e-12;

        public int GetHashCode(KeyValuePair<string, double> pair) => pair.Key.GetHashCode(StringComparison.Ordinal);
    }
}
