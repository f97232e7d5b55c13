using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Grains.Users;

/// <summary>
/// A profile's numbers (its totals, platforms and the three rolling windows of <see cref="EventWindows.Shapes"/>) as
/// one sorted array of non-zero cells keyed by (scope, bucket index, measure), over the state's two arrays. A user
/// touches few event types in few buckets, so a profile holds a few cells of 16 bytes where a dictionary of counter
/// objects per window held kilobytes. The arrays are sized to their cells: a profile applies many more events than
/// it opens cells, and a window drops its expired buckets whenever it opens a new one, so a profile stays bounded by
/// its windows. Values are doubles, exact for counts up to 2^53.
/// </summary>
public readonly struct ProfileCounters(UserProfileState state)
{
    private const int TotalsScope = 0;
    private const int ScopeShift = 56;
    private const int MeasureBits = 5;

    // Measures: the event types come first, at their enum values; platforms are counted in the totals only.
    private const int ConversionValue = EventTypes.Count;
    private const int Positive = ConversionValue + 1;
    private const int Neutral = Positive + 1;
    private const int Negative = Neutral + 1;
    private const int Unscored = Negative + 1;
    private const int ScoreSum = Unscored + 1;
    private const int FirstEmotion = ScoreSum + 1;
    private const int Offensive = FirstEmotion + 4;
    private const int Hate = Offensive + 1;
    private const int FirstPlatform = Hate + 1;

    static ProfileCounters()
    {
        if (FirstPlatform + Platforms.All.Length > 1 << MeasureBits)
        {
            throw new InvalidOperationException("The profile's measures no longer fit their key bits.");
        }
    }

    public void AddEvent(EventType type, Platform platform, double value, DateTime timestamp, DateTime now)
    {
        AddEverywhere((int)type, 1, timestamp, now);
        if (type == EventType.Conversion)
        {
            AddEverywhere(ConversionValue, value, timestamp, now);
        }

        Add(Key(TotalsScope, 0, FirstPlatform + (int)platform), 1, expiredBelow: 0);
    }

    /// <summary>Counts a text's sentiment in the totals and in the buckets of its event time, as <see cref="KpiCounters.AddSentiment"/> does.</summary>
    public void AddSentiment(SentimentScore sentiment, DateTime timestamp, DateTime now)
    {
        switch (sentiment.Label)
        {
            case SentimentLabel.Positive: AddEverywhere(Positive, 1, timestamp, now); break;
            case SentimentLabel.Neutral: AddEverywhere(Neutral, 1, timestamp, now); break;
            case SentimentLabel.Negative: AddEverywhere(Negative, 1, timestamp, now); break;
            default: AddEverywhere(Unscored, 1, timestamp, now); return;
        }

        AddEverywhere(ScoreSum, sentiment.Score, timestamp, now);
        if (sentiment.Emotion != EmotionLabel.None)
        {
            AddEverywhere(FirstEmotion + (int)sentiment.Emotion - 1, 1, timestamp, now);
        }

        if (sentiment.BrandSafety.HasFlag(BrandSafetyFlags.Offensive))
        {
            AddEverywhere(Offensive, 1, timestamp, now);
        }

        if (sentiment.BrandSafety.HasFlag(BrandSafetyFlags.Hate))
        {
            AddEverywhere(Hate, 1, timestamp, now);
        }
    }

    public KpiCounters Totals()
    {
        var totals = new KpiCounters();
        foreach (var (_, measure, value) in Cells(TotalsScope, 0))
        {
            Set(totals, measure, value);
        }

        return totals;
    }

    public long[] PlatformTotals()
    {
        var platforms = new long[Platforms.All.Length];
        foreach (var (_, measure, value) in Cells(TotalsScope, 0))
        {
            if (measure >= FirstPlatform)
            {
                platforms[measure - FirstPlatform] = (long)value;
            }
        }

        return platforms;
    }

    public Dictionary<string, WindowView> WindowViews(DateTime now)
    {
        var views = new Dictionary<string, WindowView>(EventWindows.Shapes.Length);
        for (var window = 0; window < EventWindows.Shapes.Length; window++)
        {
            var (name, bucketSize, _) = EventWindows.Shapes[window];
            var first = FirstIndex(window, now);
            views[name] = TimeBuckets.ToView(bucketSize.Ticks, first, Buckets(window + 1, first));
        }

        return views;
    }

    /// <summary>How many cells the profile holds: what its counters cost (16 bytes each).</summary>
    public int CellCount => state.CounterKeys.Length;

    private void AddEverywhere(int measure, double amount, DateTime timestamp, DateTime now)
    {
        Add(Key(TotalsScope, 0, measure), amount, expiredBelow: 0);
        for (var window = 0; window < EventWindows.Shapes.Length; window++)
        {
            var index = timestamp.Ticks / EventWindows.Shapes[window].BucketSize.Ticks;
            var first = FirstIndex(window, now);
            if (index >= first)
            {
                Add(Key(window + 1, index, measure), amount, expiredBelow: Key(window + 1, first, 0));
            }
        }
    }

    private static long FirstIndex(int window, DateTime now)
    {
        var (_, bucketSize, bucketCount) = EventWindows.Shapes[window];
        return (now.Ticks / bucketSize.Ticks) - bucketCount + 1;
    }

    private static long Key(int scope, long index, int measure) => ((long)scope << ScopeShift) | (index << MeasureBits) | (long)measure;

    private static long ScopeStart(long key) => key >> ScopeShift << ScopeShift;

    /// <summary>Adds to a cell, opening it if new; opening one drops its scope's cells below <paramref name="expiredBelow"/>.</summary>
    private void Add(long key, double amount, long expiredBelow)
    {
        var at = Array.BinarySearch(state.CounterKeys, key);
        if (at >= 0)
        {
            state.CounterValues[at] = KpiCounters.SaturatingAdd(state.CounterValues[at], amount);
            return;
        }

        at = ~at;
        var keys = state.CounterKeys;
        var values = state.CounterValues;
        var dropFrom = LowerBound(keys, ScopeStart(key));
        var dropTo = Math.Max(dropFrom, LowerBound(keys, expiredBelow));
        var kept = dropFrom + (at - dropTo);
        var newKeys = new long[keys.Length - (dropTo - dropFrom) + 1];
        var newValues = new double[newKeys.Length];
        Array.Copy(keys, newKeys, dropFrom);
        Array.Copy(values, newValues, dropFrom);
        Array.Copy(keys, dropTo, newKeys, dropFrom, at - dropTo);
        Array.Copy(values, dropTo, newValues, dropFrom, at - dropTo);
        newKeys[kept] = key;
        newValues[kept] = KpiCounters.SaturatingAdd(0, amount);
        Array.Copy(keys, at, newKeys, kept + 1, keys.Length - at);
        Array.Copy(values, at, newValues, kept + 1, keys.Length - at);
        state.CounterKeys = newKeys;
        state.CounterValues = newValues;
    }

    private static int LowerBound(long[] keys, long key)
    {
        var at = Array.BinarySearch(keys, key);
        return at >= 0 ? at : ~at;
    }

    /// <summary>The cells of a scope from bucket <paramref name="firstIndex"/> on, in key order.</summary>
    private IEnumerable<(long Index, int Measure, double Value)> Cells(int scope, long firstIndex)
    {
        var keys = state.CounterKeys;
        var values = state.CounterValues;
        for (var at = LowerBound(keys, Key(scope, firstIndex, 0)); at < keys.Length && keys[at] >> ScopeShift == scope; at++)
        {
            yield return ((keys[at] & ((1L << ScopeShift) - 1)) >> MeasureBits, (int)(keys[at] & ((1 << MeasureBits) - 1)), values[at]);
        }
    }

    private IEnumerable<(long Index, KpiCounters Counters)> Buckets(int scope, long firstIndex)
    {
        (long Index, KpiCounters Counters)? bucket = null;
        foreach (var (index, measure, value) in Cells(scope, firstIndex))
        {
            if (bucket is { } open && open.Index != index)
            {
                yield return open;
                bucket = null;
            }

            bucket ??= (index, new KpiCounters());
            Set(bucket.Value.Counters, measure, value);
        }

        if (bucket is { } last)
        {
            yield return last;
        }
    }

    private static void Set(KpiCounters counters, int measure, double value)
    {
        switch (measure)
        {
            case < ConversionValue: counters.ByType[measure] = (long)value; break;
            case ConversionValue: counters.ConversionValue = value; break;
            case Positive: counters.Positive = (long)value; break;
            case Neutral: counters.Neutral = (long)value; break;
            case Negative: counters.Negative = (long)value; break;
            case Unscored: counters.Unscored = (long)value; break;
            case ScoreSum: counters.ScoreSum = value; break;
            case < Offensive: (counters.Emotions ??= new long[4])[measure - FirstEmotion] = (long)value; break;
            case Offensive: counters.Offensive = (long)value; break;
            case Hate: counters.Hate = (long)value; break;
        }
    }
}
