using StreamingMarketing.Grains.Insights.Trends;

namespace StreamingMarketing.Tests.Insights;

public sealed class BurstSketchTests
{
    private static readonly DateTime Now = new(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static BurstSketch QuarterHour(int capacity = 100) => new(capacity, TimeSpan.FromMinutes(15), TimeSpan.FromHours(6));

    [Fact]
    public void A_tag_that_bursts_outranks_a_busier_tag_at_its_usual_rate()
    {
        var sketch = QuarterHour();
        for (var minute = 360; minute > 0; minute--)
        {
            for (var i = 0; i < 5; i++)
            {
                sketch.Add("steady", Now.AddMinutes(-minute));
            }
        }

        for (var i = 0; i < 40; i++)
        {
            sketch.Add("flash", Now.AddSeconds(-i));
        }

        var top = sketch.Top(10, Now);

        Assert.Equal("flash", top[0].Item);
        var steady = top.Single(t => t.Item == "steady");
        Assert.True(steady.Recent > top[0].Recent, "the steady tag is busier in the window");
        Assert.True(Math.Abs(steady.Burst) < 3, $"a tag at its usual rate does not burst (burst {steady.Burst})");
    }

    [Fact]
    public void One_off_tags_are_never_listed()
    {
        var sketch = QuarterHour();
        sketch.Add("once", Now);
        sketch.Add("twice", Now);
        sketch.Add("twice", Now);

        Assert.Empty(sketch.Top(10, Now));
    }

    [Fact]
    public void Memory_stays_at_capacity_and_a_heavy_hitter_survives_a_long_tail()
    {
        var sketch = QuarterHour(capacity: 50);
        for (var i = 0; i < 10_000; i++)
        {
            sketch.Add($"tail-{i}", Now.AddSeconds(-i % 600));
            if (i % 10 == 0)
            {
                sketch.Add("heavy", Now.AddSeconds(-i % 600));
            }
        }

        Assert.Equal(50, sketch.Counters.Count);
        Assert.Contains(sketch.Top(50, Now), t => t.Item == "heavy");
    }

    [Fact]
    public void A_burst_fades_once_its_window_has_passed()
    {
        var sketch = QuarterHour();
        for (var i = 0; i < 40; i++)
        {
            sketch.Add("flash", Now);
        }

        Assert.Single(sketch.Top(10, Now));
        Assert.Empty(sketch.Top(10, Now.AddHours(2)));
    }
}
