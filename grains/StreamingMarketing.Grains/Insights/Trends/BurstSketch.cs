using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Trends;

/// <summary>
/// Bursting items over one window in bounded memory: Space-Saving heavy hitters (Metwally et al. 2005) over
/// exponentially decayed counts, kept with forward decay (Cormode et al. 2009) so an update touches one counter,
/// not all of them. Each counter holds two decayed counts of the same item: a recent one (time constant = the
/// window) and a baseline (a much longer time constant), which makes the item its own reference.
/// <para>
/// Error: eviction is by baseline weight, so any item whose decayed weight exceeds 1/<see cref="Capacity"/> of the
/// total decayed weight is always tracked; a counter that replaced an evicted one inherits its counts, and the
/// inherited part (<see cref="BurstCounter.RecentError"/>) is subtracted before ranking, so an item is ranked on
/// what was seen of it since it was last admitted, never on what it inherited.
/// </para>
/// </summary>
[GenerateSerializer]
public sealed class BurstSketch
{
    /// <summary>
    /// Pseudo-count added to the expected count: one-off items (recent 1, expected ≈ 0) score 1/√4 = 0.5 instead of
    /// the infinity a plain ratio would give them, while 50 mentions of a new tag score above 20.
    /// </summary>
    public const double Prior = 4;

    /// <summary>Items seen fewer times than this in the window are never listed as trending.</summary>
    public const double MinRecent = 3;

    /// <summary>Forward-decay weights grow as e^(age/τ); rebasing before e^40 keeps doubles far from overflow.</summary>
    private const double MaxExponent = 40;

    [Id(0)] public int Capacity { get; set; }
    [Id(1)] public long RecentTicks { get; set; }
    [Id(2)] public long BaselineTicks { get; set; }
    [Id(3)] public long LandmarkTicks { get; set; }
    [Id(4)] public Dictionary<string, BurstCounter> Counters { get; set; } = [];

    /// <summary>The oldest event time seen: how much history the baselines can hold yet.</summary>
    [Id(5)] public long StartTicks { get; set; }

    public BurstSketch()
    {
    }

    public BurstSketch(int capacity, TimeSpan recent, TimeSpan baseline)
    {
        Capacity = capacity;
        RecentTicks = recent.Ticks;
        BaselineTicks = baseline.Ticks;
    }

    /// <summary>
    /// Counts <paramref name="at"/> as history the baselines cover even when it brought no item: a campaign's first tag
    /// after an hour of untagged traffic is a rise against that hour, not the first window of an empty sketch.
    /// </summary>
    public void Observe(DateTime at) => StartTicks = StartTicks == 0 ? at.Ticks : Math.Min(StartTicks, at.Ticks);

    public void Add(string item, DateTime at, double weight = 1)
    {
        Observe(at);
        if (Counters.Count == 0 || (at.Ticks - LandmarkTicks) / (double)RecentTicks > MaxExponent)
        {
            Rebase(at.Ticks);
        }

        var recent = weight * Math.Exp((at.Ticks - LandmarkTicks) / (double)RecentTicks);
        var baseline = weight * Math.Exp((at.Ticks - LandmarkTicks) / (double)BaselineTicks);
        if (Counters.TryGetValue(item, out var counter))
        {
            counter.Recent += recent;
            counter.Baseline += baseline;
            return;
        }

        if (Counters.Count < Capacity)
        {
            Counters[item] = new BurstCounter { Recent = recent, Baseline = baseline };
            return;
        }

        var (minItem, min) = (string.Empty, (BurstCounter?)null);
        foreach (var (key, value) in Counters)
        {
            if (min is null || value.Baseline < min.Baseline)
            {
                (minItem, min) = (key, value);
            }
        }

        Counters.Remove(minItem);
        Counters[item] = new BurstCounter
        {
            Recent = min!.Recent + recent,
            Baseline = min.Baseline + baseline,
            RecentError = min.Recent,
            BaselineError = min.Baseline,
        };
    }

    /// <summary>The most bursting items as of <paramref name="now"/>, at most <paramref name="top"/>.</summary>
    public List<TrendingItem> Top(int top, DateTime now)
    {
        var recentDecay = Math.Exp(-(now.Ticks - LandmarkTicks) / (double)RecentTicks);
        var baselineDecay = Math.Exp(-(now.Ticks - LandmarkTicks) / (double)BaselineTicks);
        var windowsPerBaseline = (double)BaselineTicks / RecentTicks;
        // A baseline younger than its time constant holds only part of a steady item's weight (1 − e^(−age/τ));
        // dividing by that share keeps a steady item's expected count equal to its recent one from the first window
        // on. Before one window of history nothing can burst: everything seen is all the baseline there is.
        var history = Math.Max(now.Ticks - StartTicks, RecentTicks);
        var filled = 1 - Math.Exp(-history / (double)BaselineTicks);
        var items = new List<TrendingItem>();
        foreach (var (item, counter) in Counters)
        {
            var recent = (counter.Recent - counter.RecentError) * recentDecay;
            if (recent < MinRecent)
            {
                continue;
            }

            // The baseline's decayed count spans ~τ_baseline of traffic; scaled to one window it is what this item's
            // own long-run rate predicts for a window.
            var expected = (counter.Baseline - counter.BaselineError) * baselineDecay / windowsPerBaseline / filled;
            items.Add(new TrendingItem
            {
                Item = item,
                Recent = Math.Round(recent, 3),
                Expected = Math.Round(expected, 3),
                Burst = Math.Round((recent - expected) / Math.Sqrt(expected + Prior), 3),
                MaxOverestimate = Math.Round(counter.RecentError * recentDecay, 3),
            });
        }

        return items
            .OrderByDescending(i => i.Burst)
            .ThenBy(i => i.Item, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    private void Rebase(long landmark)
    {
        var recentFactor = Math.Exp(-(landmark - LandmarkTicks) / (double)RecentTicks);
        var baselineFactor = Math.Exp(-(landmark - LandmarkTicks) / (double)BaselineTicks);
        foreach (var counter in Counters.Values)
        {
            counter.Recent *= recentFactor;
            counter.RecentError *= recentFactor;
            counter.Baseline *= baselineFactor;
            counter.BaselineError *= baselineFactor;
        }

        LandmarkTicks = landmark;
    }
}

/// <summary>Forward-decayed counts of one item, relative to the sketch's landmark.</summary>
[GenerateSerializer]
public sealed class BurstCounter
{
    [Id(0)] public double Recent { get; set; }
    [Id(1)] public double Baseline { get; set; }
    [Id(2)] public double RecentError { get; set; }
    [Id(3)] public double BaselineError { get; set; }
}
