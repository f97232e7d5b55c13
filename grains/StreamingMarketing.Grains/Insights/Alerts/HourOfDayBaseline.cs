using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>
/// The campaign's usual event rate per minute for each hour of the day (UTC), learnt from its completed hourly
/// buckets: a plain mean and variance over the first week of days, then exponentially weighted (α = 0.2) so the
/// baseline follows a campaign whose audience grows. 24 × 3 numbers, whatever the campaign's age.
/// </summary>
[GenerateSerializer]
public sealed class HourOfDayBaseline
{
    /// <summary>Days of history an hour needs before it is trusted; until then the last hour serves as baseline.</summary>
    public const int MinDays = 3;

    private const double Alpha = 0.2;

    [Id(0)] public double[] Mean { get; set; } = new double[24];
    [Id(1)] public double[] Variance { get; set; } = new double[24];
    [Id(2)] public int[] Days { get; set; } = new int[24];

    /// <summary>Hour index (ticks / hour) of the last hour folded in; later arrivals for it are not added.</summary>
    [Id(3)] public long LastFoldedHour { get; set; }

    /// <summary>Folds every hour completed since the last call, from the day window's hourly buckets.</summary>
    public void FoldCompletedHours(TimeBuckets lastDay, DateTime now, DateTime firstEventAt)
    {
        var current = now.Ticks / TimeSpan.TicksPerHour;
        // The first hour is partial (the campaign started within it): it would read as a quiet hour.
        var first = Math.Max(Math.Max(LastFoldedHour + 1, current - 23), (firstEventAt.Ticks / TimeSpan.TicksPerHour) + 1);
        for (var hour = first; hour < current; hour++)
        {
            var events = lastDay.Buckets.TryGetValue(hour, out var bucket) ? bucket.Events : 0;
            Add((int)(hour % 24), events / 60.0);
        }

        LastFoldedHour = Math.Max(LastFoldedHour, current - 1);
    }

    public bool TryGet(int hourOfDay, out double mean, out double variance)
    {
        (mean, variance) = (Mean[hourOfDay], Variance[hourOfDay]);
        return Days[hourOfDay] >= MinDays;
    }

    private void Add(int hourOfDay, double perMinute)
    {
        var days = ++Days[hourOfDay];
        var delta = perMinute - Mean[hourOfDay];
        var weight = days <= 7 ? 1.0 / days : Alpha;
        Mean[hourOfDay] += weight * delta;
        Variance[hourOfDay] = (1 - weight) * (Variance[hourOfDay] + (weight * delta * delta));
    }
}
