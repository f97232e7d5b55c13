using System.Globalization;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>
/// Measures the three rules on a campaign's rolling windows (event time, ending now). Reads only: the minute buckets
/// of the last hour and the hourly buckets of the last day the campaign keeps anyway, plus its hour-of-day baseline.
/// </summary>
public static class AlertEvaluator
{
    /// <summary>Minutes of history the fallback baseline needs before a volume spike can be judged.</summary>
    public const int MinBaselineMinutes = 10;

    /// <summary>Complete hours of history the conversion baseline needs.</summary>
    public const int MinBaselineHours = 3;

    public static IEnumerable<RuleReading> Measure(EventWindows windows, HourOfDayBaseline baseline, DateTime firstEventAt, EffectiveRules rules, DateTime now)
    {
        if (rules.Negative.Enabled && NegativeSentiment(windows.LastHour, rules.Negative, now) is { } negative)
        {
            yield return negative;
        }

        if (rules.Spike.Enabled && VolumeSpike(windows.LastHour, baseline, firstEventAt, rules.Spike, now) is { } spike)
        {
            yield return spike;
        }

        if (rules.Drop.Enabled && ConversionDrop(windows, firstEventAt, rules.Drop, now) is { } drop)
        {
            yield return drop;
        }
    }

    /// <summary>Negative share of the texts scored in the last N minutes; resolves below the lower band or when texts dry up.</summary>
    public static RuleReading NegativeSentiment(TimeBuckets lastHour, NegativeSettings rule, DateTime now)
    {
        var nowMinute = now.Ticks / lastHour.BucketTicks;
        long negative = 0, scored = 0;
        foreach (var (minute, bucket) in lastHour.Buckets)
        {
            if (minute > nowMinute - rule.WindowMinutes && minute <= nowMinute)
            {
                negative += bucket.Negative;
                scored += bucket.Scored;
            }
        }

        var share = scored == 0 ? 0 : (double)negative / scored;
        return new RuleReading(
            AlertRuleNames.NegativeSentiment,
            Math.Round(share, 4),
            rule.Threshold,
            Opens: scored >= rule.MinScored && share >= rule.Threshold,
            Resolves: scored < rule.MinScored / 2.0 || share < rule.ResolveBelow,
            string.Create(CultureInfo.InvariantCulture,
                $"{share:P0} of the {scored} texts scored in the last {rule.WindowMinutes} min are negative (opens at {rule.Threshold:P0}, resolves below {rule.ResolveBelow:P0})."));
    }

    /// <summary>
    /// Events in the last N minutes against the rate this campaign usually has in the same hour of the day, as a
    /// z-score; until an hour has <see cref="HourOfDayBaseline.MinDays"/> days of history, the minutes of the last hour
    /// before the window (since the first event) are the baseline instead.
    /// </summary>
    public static RuleReading? VolumeSpike(TimeBuckets lastHour, HourOfDayBaseline baseline, DateTime firstEventAt, SpikeSettings rule, DateTime now)
    {
        var nowMinute = now.Ticks / lastHour.BucketTicks;
        var windowStart = nowMinute - rule.WindowMinutes + 1;
        long observed = 0;
        foreach (var (minute, bucket) in lastHour.Buckets)
        {
            if (minute >= windowStart && minute <= nowMinute)
            {
                observed += bucket.Events;
            }
        }

        var hourOfDay = (int)(now.Ticks / TimeSpan.TicksPerHour % 24);
        string source;
        if (baseline.TryGet(hourOfDay, out var mean, out var variance))
        {
            source = $"the usual rate at {hourOfDay:00}:00 UTC";
        }
        else if (RecentMinutes(lastHour, firstEventAt, nowMinute - lastHour.BucketCount + 1, windowStart) is { } recent)
        {
            (mean, variance) = recent;
            source = "the rest of the last hour";
        }
        else
        {
            return null;
        }

        var expected = mean * rule.WindowMinutes;
        // Never below Poisson noise (a flat baseline has zero variance), and +1 so a silent baseline stays finite.
        var sigma = Math.Sqrt(Math.Max(variance * rule.WindowMinutes, expected) + 1);
        var z = (observed - expected) / sigma;
        return new RuleReading(
            AlertRuleNames.VolumeSpike,
            Math.Round(z, 2),
            rule.ZScore,
            Opens: z >= rule.ZScore && observed >= rule.MinEvents,
            Resolves: z < rule.ResolveBelowZ,
            string.Create(CultureInfo.InvariantCulture,
                $"{observed} events in the last {rule.WindowMinutes} min against {expected:0.#} expected from {source}: z = {z:0.0} (opens at {rule.ZScore}, resolves below {rule.ResolveBelowZ})."));
    }

    /// <summary>Conversions in the last hour against the mean of the complete hours before it (last day, since the first event).</summary>
    public static RuleReading? ConversionDrop(EventWindows windows, DateTime firstEventAt, DropSettings rule, DateTime now)
    {
        var nowMinute = now.Ticks / windows.LastHour.BucketTicks;
        var windowStartMinute = nowMinute - windows.LastHour.BucketCount + 1;
        long observed = 0;
        foreach (var (minute, bucket) in windows.LastHour.Buckets)
        {
            if (minute >= windowStartMinute && minute <= nowMinute)
            {
                observed += bucket[EventType.Conversion];
            }
        }

        var windowStart = windowStartMinute * windows.LastHour.BucketTicks;
        var firstHour = (firstEventAt.Ticks / TimeSpan.TicksPerHour) + 1;
        var lastHour = (windowStart / TimeSpan.TicksPerHour) - 1;
        var fromHour = Math.Max(firstHour, (now.Ticks / TimeSpan.TicksPerHour) - windows.LastDay.BucketCount + 1);
        if (lastHour - fromHour + 1 < MinBaselineHours)
        {
            return null;
        }

        long conversions = 0;
        for (var hour = fromHour; hour <= lastHour; hour++)
        {
            conversions += windows.LastDay.Buckets.TryGetValue(hour, out var bucket) ? bucket[EventType.Conversion] : 0;
        }

        var mean = (double)conversions / (lastHour - fromHour + 1);
        var drop = mean == 0 ? 0 : 1 - (observed / mean);
        return new RuleReading(
            AlertRuleNames.ConversionDrop,
            Math.Round(drop, 4),
            rule.Drop,
            Opens: mean >= rule.MinBaselinePerHour && drop >= rule.Drop,
            Resolves: mean < rule.MinBaselinePerHour || drop < rule.ResolveWithin,
            string.Create(CultureInfo.InvariantCulture,
                $"{observed} conversions in the last hour against {mean:0.#} per hour before: down {Math.Max(0, drop):P0} (opens at {rule.Drop:P0}, resolves within {rule.ResolveWithin:P0})."));
    }

    /// <summary>Mean and variance of events per minute over [from, to) counting empty minutes, since the campaign's first event.</summary>
    private static (double Mean, double Variance)? RecentMinutes(TimeBuckets lastHour, DateTime firstEventAt, long from, long to)
    {
        from = Math.Max(from, firstEventAt.Ticks / lastHour.BucketTicks);
        var minutes = to - from;
        if (minutes < MinBaselineMinutes)
        {
            return null;
        }

        double sum = 0, squares = 0;
        foreach (var (minute, bucket) in lastHour.Buckets)
        {
            if (minute >= from && minute < to)
            {
                sum += bucket.Events;
                squares += (double)bucket.Events * bucket.Events;
            }
        }

        var mean = sum / minutes;
        return (mean, Math.Max(0, (squares / minutes) - (mean * mean)));
    }
}
