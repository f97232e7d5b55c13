using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Grains.Aggregation;

/// <summary>
/// A window over event time made of fixed-width buckets, e.g. the last hour in 60 one-minute buckets. The window
/// ends at the current bucket of the wall clock; events that fall before its start are not counted in it, and
/// buckets that slide out of it are dropped, so memory is bounded by <see cref="BucketCount"/> (plus the few
/// minutes of future skew validation allows).
/// </summary>
[GenerateSerializer]
public sealed class TimeBuckets
{
    [Id(0)] public long BucketTicks { get; set; }
    [Id(1)] public int BucketCount { get; set; }

    /// <summary>Keyed by bucket index = event time ticks / <see cref="BucketTicks"/>; only non-empty buckets exist.</summary>
    [Id(2)] public Dictionary<long, KpiCounters> Buckets { get; set; } = [];

    public TimeBuckets()
    {
    }

    public TimeBuckets(TimeSpan bucketSize, int bucketCount)
    {
        BucketTicks = bucketSize.Ticks;
        BucketCount = bucketCount;
    }

    public TimeSpan Span => TimeSpan.FromTicks(BucketTicks * BucketCount);

    private long FirstIndex(DateTime now) => (now.Ticks / BucketTicks) - BucketCount + 1;

    /// <summary>The counters of the bucket holding <paramref name="timestamp"/>, or null when it lies before the window.</summary>
    public KpiCounters? BucketFor(DateTime timestamp, DateTime now)
    {
        var index = timestamp.Ticks / BucketTicks;
        if (index < FirstIndex(now))
        {
            return null;
        }

        if (!Buckets.TryGetValue(index, out var bucket))
        {
            Prune(now);
            bucket = new KpiCounters();
            Buckets[index] = bucket;
        }

        return bucket;
    }

    public void Prune(DateTime now)
    {
        var first = FirstIndex(now);
        List<long>? expired = null;
        foreach (var index in Buckets.Keys)
        {
            if (index < first)
            {
                (expired ??= []).Add(index);
            }
        }

        expired?.ForEach(index => Buckets.Remove(index));
    }

    /// <summary>The non-empty buckets inside the window, oldest first, with their start times.</summary>
    public IEnumerable<(DateTime Start, KpiCounters Counters)> InWindow(DateTime now)
    {
        var first = FirstIndex(now);
        return Buckets.Where(pair => pair.Key >= first).OrderBy(pair => pair.Key)
            .Select(pair => (new DateTime(pair.Key * BucketTicks, DateTimeKind.Utc), pair.Value));
    }

    public WindowView ToView(DateTime now)
    {
        var first = FirstIndex(now);
        return ToView(BucketTicks, first, Buckets.Where(pair => pair.Key >= first).OrderBy(pair => pair.Key).Select(pair => (pair.Key, pair.Value)));
    }

    /// <summary>A window's view from its buckets inside the window, oldest first, keyed by bucket index.</summary>
    public static WindowView ToView(long bucketTicks, long firstIndex, IEnumerable<(long Index, KpiCounters Counters)> buckets)
    {
        var sum = new KpiCounters();
        var views = new List<BucketView>();
        foreach (var (index, bucket) in buckets)
        {
            sum.AddAll(bucket);
            views.Add(new BucketView
            {
                Start = new DateTime(index * bucketTicks, DateTimeKind.Utc),
                Totals = bucket.TotalsByName(),
                Sentiment = bucket.ToSentimentView(),
            });
        }

        return new WindowView
        {
            Totals = sum.TotalsByName(),
            EngagementRate = sum.EngagementRate,
            Ctr = sum.Ctr,
            ConversionValue = sum.ConversionValue,
            Sentiment = sum.ToSentimentView(),
            From = new DateTime(firstIndex * bucketTicks, DateTimeKind.Utc),
            BucketSize = TimeSpan.FromTicks(bucketTicks).ToString(),
            Buckets = views,
        };
    }
}
