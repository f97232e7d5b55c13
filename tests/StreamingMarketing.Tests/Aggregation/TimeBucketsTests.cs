using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Tests.Aggregation;

public sealed class TimeBucketsTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 30, 15, DateTimeKind.Utc);

    [Fact]
    public void The_hour_window_counts_the_current_minute_and_the_fifty_nine_before_it()
    {
        var windows = new EventWindows();
        var firstMinuteOfWindow = new DateTime(2026, 11, 27, 11, 31, 0, DateTimeKind.Utc);

        windows.AddEvent(firstMinuteOfWindow, Now, EventType.Like, 0);
        windows.AddEvent(firstMinuteOfWindow.AddTicks(-1), Now, EventType.Like, 0);
        windows.AddEvent(Now, Now, EventType.Click, 0);

        var hour = windows.ToViews(Now)["1h"];
        Assert.Equal(1, hour.Totals["like"]);
        Assert.Equal(1, hour.Totals["click"]);
        Assert.Equal(firstMinuteOfWindow, hour.From);
        Assert.Equal(2, windows.ToViews(Now)["24h"].Totals["like"]);
    }

    [Fact]
    public void Buckets_are_split_exactly_at_their_edges()
    {
        var hour = new TimeBuckets(TimeSpan.FromMinutes(1), 60);
        var edge = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

        hour.BucketFor(edge.AddTicks(-1), Now)!.AddEvent(EventType.Like, 0);
        hour.BucketFor(edge, Now)!.AddEvent(EventType.Like, 0);
        hour.BucketFor(edge.AddSeconds(59.999), Now)!.AddEvent(EventType.Like, 0);

        var buckets = hour.ToView(Now).Buckets;
        Assert.Equal([edge.AddMinutes(-1), edge], buckets.Select(b => b.Start));
        Assert.Equal([1L, 2L], buckets.Select(b => b.Totals["like"]));
    }

    [Fact]
    public void Events_slide_out_of_a_window_as_the_clock_moves_on()
    {
        var windows = new EventWindows();
        windows.AddEvent(Now, Now, EventType.Impression, 0);

        var later = Now.AddHours(1);
        Assert.Equal(0, windows.ToViews(later)["1h"].Totals["impression"]);
        Assert.Equal(1, windows.ToViews(later)["24h"].Totals["impression"]);
        Assert.Equal(0, windows.ToViews(Now.AddDays(31))["30d"].Totals["impression"]);
    }

    [Fact]
    public void Expired_buckets_are_dropped_so_memory_stays_bounded()
    {
        var hour = new TimeBuckets(TimeSpan.FromMinutes(1), 60);
        for (var minute = 0; minute < 600; minute++)
        {
            var at = Now.AddMinutes(minute);
            hour.BucketFor(at, at)!.AddEvent(EventType.View, 0);
        }

        Assert.True(hour.Buckets.Count <= 61);
    }

    [Fact]
    public void Old_events_still_count_in_the_longer_windows_that_cover_them()
    {
        var windows = new EventWindows();
        windows.AddEvent(Now.AddDays(-3), Now, EventType.Share, 0);

        var views = windows.ToViews(Now);
        Assert.Equal(0, views["1h"].Totals["share"]);
        Assert.Equal(0, views["24h"].Totals["share"]);
        Assert.Equal(1, views["30d"].Totals["share"]);
    }
}
