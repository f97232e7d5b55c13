using StreamingMarketing.Contracts;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Tests.Aggregation;

public sealed class SketchTests
{
    [Fact]
    public void Unique_counter_is_exact_up_to_its_limit()
    {
        var counter = new UniqueCounter();
        for (var i = 0; i < UniqueCounter.ExactLimit; i++)
        {
            counter.Add(StableStringHash.Of($"user-{i}"));
            counter.Add(StableStringHash.Of($"user-{i}"));
        }

        Assert.True(counter.IsExact);
        Assert.Equal(UniqueCounter.ExactLimit, counter.Count);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(100_000)]
    [InlineData(1_000_000)]
    public void HyperLogLog_estimates_within_two_percent(int distinct)
    {
        var counter = new UniqueCounter();
        for (var i = 0; i < distinct; i++)
        {
            counter.Add(StableStringHash.Of($"user-{i}"));
        }

        Assert.False(counter.IsExact);
        Assert.InRange(counter.Count, distinct * 0.98, distinct * 1.02);
    }

    [Fact]
    public void Top_k_keeps_the_heavy_hitters_of_a_long_tail()
    {
        var top = new TopK(capacity: 50);
        var random = new Random(7);
        for (var i = 0; i < 50_000; i++)
        {
            top.Add(random.NextDouble() < 0.3 ? $"hot-{i % 3}" : $"tail-{random.Next(10_000)}");
        }

        Assert.Equal(["hot-0", "hot-1", "hot-2"], top.Top(3).Select(t => t.Item).Order());
        Assert.Equal(50, top.Counters.Count);
    }

    [Fact]
    public void Recent_event_ids_forget_the_oldest_once_full()
    {
        var ids = new RecentEventIds(capacity: 3);
        Assert.True(ids.Add(1));
        Assert.True(ids.Add(2));
        Assert.False(ids.Add(1));
        Assert.True(ids.Add(3));
        Assert.True(ids.Add(4));

        Assert.False(ids.Contains(1));
        Assert.True(ids.Contains(2) && ids.Contains(3) && ids.Contains(4));
    }

    [Fact]
    public void Interest_weights_halve_every_half_life()
    {
        var halfLife = TimeSpan.FromDays(7);
        var weights = new DecayingTagWeights();
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        weights.Add("old", start, halfLife);
        weights.Add("new", start.AddDays(7), halfLife);

        var top = weights.Top(2, start.AddDays(7), halfLife);
        Assert.Equal(("new", 1.0), (top[0].Tag, top[0].Weight));
        Assert.Equal(("old", 0.5), (top[1].Tag, top[1].Weight));
        Assert.Equal(0.25, weights.Top(2, start.AddDays(14), halfLife)[1].Weight, 6);
    }

    [Fact]
    public void Interest_weights_stay_right_across_hundreds_of_half_lives()
    {
        var halfLife = TimeSpan.FromDays(1);
        var weights = new DecayingTagWeights();
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        weights.Add("old", start, halfLife);
        weights.Add("new", start.AddDays(300), halfLife);
        weights.Add("new", start.AddDays(299), halfLife);

        var top = weights.Top(2, start.AddDays(301), halfLife);
        Assert.Equal(("new", 0.75), (top[0].Tag, top[0].Weight));
        Assert.Equal(0, top[1].Weight);
    }

    [Fact]
    public void The_weakest_interest_gives_way_to_a_stronger_new_one()
    {
        var halfLife = TimeSpan.FromDays(7);
        var weights = new DecayingTagWeights { Capacity = 2 };
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        weights.Add("faded", start, halfLife);
        weights.Add("kept", start.AddDays(7), halfLife);
        weights.Add("kept", start.AddDays(7), halfLife);
        weights.Add("fresh", start.AddDays(14), halfLife);
        weights.Add("too-old", start, halfLife);

        Assert.Equal(["fresh", "kept"], weights.Top(5, start.AddDays(14), halfLife).Select(t => t.Tag).Order());
    }
}
