using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Spend;

namespace StreamingMarketing.Grains.Experiments;

/// <summary>
/// Reads a campaign's <see cref="VariantTally"/> as an A/B test: each variant's rate of the chosen metric against the
/// control's, tested on the log of the rate ratio with a <see cref="MixtureSprt"/> so the verdict stays honest however
/// often the page refreshes.
/// </summary>
public static class VariantComparison
{
    private const double Alpha = VariantTestRules.Alpha;
    private const double Tau = VariantTestRules.Tau;

    private static readonly MixtureSprt Test = new(Tau, Alpha);

    /// <summary>The variant compared with when none is named: one called "control", else the first name in order.</summary>
    public static string? DefaultControl(VariantTally tally) =>
        tally.ByName.ContainsKey("control")
            ? "control"
            : tally.ByName.Keys.Where(name => name != VariantTally.Other).Order(StringComparer.Ordinal).FirstOrDefault();

    public static VariantsView Compare(
        string campaignId, VariantTally tally, VariantMetric metric, string? control, string seriesWindow, DateTime now, DateTime updatedAt,
        CampaignMetadata? metadata = null)
    {
        control ??= DefaultControl(tally);
        tally.ByName.TryGetValue(control ?? "", out var controlCounters);
        if (control == VariantTally.Other)
        {
            controlCounters = null;
        }

        var variants = tally.ByName
            .OrderBy(pair => pair.Key == VariantTally.Other)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => Result(pair.Key, pair.Value, controlCounters, control, metric, seriesWindow, now, metadata))
            .ToList();

        return new VariantsView
        {
            CampaignId = campaignId,
            Metric = metric.ToWireName(),
            Control = controlCounters is null ? null : control,
            Test = VariantTestRules.Description,
            Variants = variants,
            MaxVariants = VariantTally.MaxVariants,
            EventsCountedAsOther = tally.EventsCountedAsOther,
            SeriesWindow = seriesWindow,
            UpdatedAt = updatedAt,
        };
    }

    private static VariantResult Result(
        string name, VariantCounters counters, VariantCounters? control, string? controlName, VariantMetric metric, string seriesWindow, DateTime now,
        CampaignMetadata? metadata)
    {
        var isControl = control is not null && name == controlName;
        var isOther = name == VariantTally.Other;
        var totals = counters.Totals;
        var (impressions, successes) = (totals[EventType.Impression], VariantCounters.Successes(totals, metric));
        var comparison = isControl || isOther || control is null
            ? null
            : Against(impressions, successes, control.Totals[EventType.Impression], VariantCounters.Successes(control.Totals, metric));

        return new VariantResult
        {
            Name = name,
            IsControl = isControl,
            IsOther = isOther,
            Totals = totals.TotalsByName(),
            UniqueUsers = counters.Users.Count,
            EngagementRate = totals.EngagementRate,
            Ctr = totals.Ctr,
            ConversionRate = totals.ConversionRate,
            ConversionValue = totals.ConversionValue,
            Kpi = RateInterval.Jeffreys(successes, impressions),
            Lift = comparison?.Lift,
            Verdict = isControl ? "control" : comparison?.Verdict ?? "untested",
            ImpressionsToVerdict = comparison?.ImpressionsToVerdict,
            Windows = WindowsOf(counters.Windows, now, metadata),
            Series = SeriesOf(counters.Windows, seriesWindow, metric, now),
            Spend = SpendCalculator.Of(metadata, totals),
        };
    }

    private sealed record Comparison(LiftView? Lift, string Verdict, long? ImpressionsToVerdict);

    private static Comparison Against(long n, long x, long controlN, long controlX)
    {
        // Rates of a proportion: engagements beyond impressions are capped as in the interval.
        (x, controlX) = (Math.Min(x, n), Math.Min(controlX, controlN));
        if (n < VariantTestRules.MinImpressions || controlN < VariantTestRules.MinImpressions || x < VariantTestRules.MinSuccesses || controlX < VariantTestRules.MinSuccesses)
        {
            return new Comparison(null, "insufficientData", null);
        }

        var (p, q) = ((double)x / n, (double)controlX / controlN);
        var logRatio = Math.Log(p / q);
        var logVariance = ((1 - p) / x) + ((1 - q) / controlX);
        var logRadius = Test.Radius(logVariance);

        // The absolute difference gets its own confidence sequence, its mixture scaled to the same relative spread.
        var difference = p - q;
        var differenceVariance = (p * (1 - p) / n) + (q * (1 - q) / controlN);
        var absolute = new MixtureSprt(Tau * (x + controlX) / (n + controlN), Alpha);
        var differenceRadius = absolute.Radius(differenceVariance);

        var lift = new LiftView
        {
            Relative = new Estimate(Math.Exp(logRatio) - 1, Math.Exp(logRatio - logRadius) - 1, Math.Exp(logRatio + logRadius) - 1),
            Absolute = new Estimate(difference, difference - differenceRadius, difference + differenceRadius),
        };
        if (Test.Rejects(logRatio, logVariance))
        {
            return new Comparison(lift, logRatio > 0 ? "better" : "worse", 0);
        }

        var effect = Math.Max(Math.Abs(logRatio), Math.Log(1 + VariantTestRules.SmallestLiftOfInterest));
        var multiplier = Test.SampleMultiplier(effect, logVariance);
        return new Comparison(lift, "inconclusive", multiplier is { } k ? (long)Math.Ceiling((k - 1) * n) : null);
    }

    private static Dictionary<string, VariantWindow> WindowsOf(EventWindows windows, DateTime now, CampaignMetadata? metadata) => new()
    {
        ["1h"] = WindowOf(windows.LastHour, now, metadata),
        ["24h"] = WindowOf(windows.LastDay, now, metadata),
        ["30d"] = WindowOf(windows.LastMonth, now, metadata),
    };

    private static VariantWindow WindowOf(TimeBuckets buckets, DateTime now, CampaignMetadata? metadata)
    {
        var sum = new KpiCounters();
        foreach (var (_, counters) in buckets.InWindow(now))
        {
            sum.AddAll(counters);
        }

        return new VariantWindow
        {
            Totals = sum.TotalsByName(),
            EngagementRate = sum.EngagementRate,
            Ctr = sum.Ctr,
            ConversionRate = sum.ConversionRate,
            ConversionValue = sum.ConversionValue,
            Spend = SpendCalculator.Of(metadata, sum),
        };
    }

    private static List<VariantPoint> SeriesOf(EventWindows windows, string window, VariantMetric metric, DateTime now)
    {
        var buckets = window switch
        {
            "24h" => windows.LastDay,
            "30d" => windows.LastMonth,
            _ => windows.LastHour,
        };
        return buckets.InWindow(now)
            .Select(bucket => new VariantPoint(bucket.Start, bucket.Counters[EventType.Impression], VariantCounters.Successes(bucket.Counters, metric)))
            .ToList();
    }
}
