using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>A campaign's rules with every field decided: its override, else the silo's default, else the built-in one.</summary>
public sealed record EffectiveRules(NegativeSettings Negative, SpikeSettings Spike, DropSettings Drop, AnomalySettings Anomaly)
{
    public static EffectiveRules Resolve(AlertRuleSet? defaults, AlertRuleSet? campaign)
    {
        var (nd, nc) = (defaults?.NegativeSentiment, campaign?.NegativeSentiment);
        var (sd, sc) = (defaults?.VolumeSpike, campaign?.VolumeSpike);
        var (dd, dc) = (defaults?.ConversionDrop, campaign?.ConversionDrop);
        var (ad, ac) = (defaults?.ForecastAnomaly, campaign?.ForecastAnomaly);

        var threshold = nc?.Threshold ?? nd?.Threshold ?? 0.4;
        var z = sc?.ZScore ?? sd?.ZScore ?? 4;
        var drop = dc?.Drop ?? dd?.Drop ?? 0.5;
        var coverage = ac?.Coverage ?? ad?.Coverage ?? AnomalySettings.DefaultCoverage;

        // A campaign may move only one side of a band; if that closes the gap, keep a quarter of it so the alert
        // still cannot flap on every evaluation.
        return new EffectiveRules(
            new NegativeSettings(
                nc?.Enabled ?? nd?.Enabled ?? true,
                threshold,
                Below(nc?.ResolveBelow ?? nd?.ResolveBelow ?? 0.25, threshold),
                nc?.MinScored ?? nd?.MinScored ?? 20,
                Math.Clamp(nc?.WindowMinutes ?? nd?.WindowMinutes ?? 10, 1, 60)),
            new SpikeSettings(
                sc?.Enabled ?? sd?.Enabled ?? true,
                z,
                Below(sc?.ResolveBelowZ ?? sd?.ResolveBelowZ ?? 2, z),
                sc?.MinEvents ?? sd?.MinEvents ?? 50,
                Math.Clamp(sc?.WindowMinutes ?? sd?.WindowMinutes ?? 5, 1, 30)),
            new DropSettings(
                dc?.Enabled ?? dd?.Enabled ?? true,
                drop,
                Below(dc?.ResolveWithin ?? dd?.ResolveWithin ?? 0.25, drop),
                dc?.MinBaselinePerHour ?? dd?.MinBaselinePerHour ?? 5),
            new AnomalySettings(
                ac?.Enabled ?? ad?.Enabled ?? true,
                coverage,
                Below(ac?.ResolveCoverage ?? ad?.ResolveCoverage ?? AnomalySettings.DefaultResolveCoverage, coverage),
                Math.Max(AnomalySettings.MinHistoryFloor, ac?.MinHistoryHours ?? ad?.MinHistoryHours ?? AnomalySettings.DefaultMinHistoryHours),
                Math.Max(0, ac?.MinExcess ?? ad?.MinExcess ?? AnomalySettings.DefaultMinExcess)));
    }

    private static double Below(double resolve, double open) => resolve < open ? resolve : open * 0.75;
}

public sealed record NegativeSettings(bool Enabled, double Threshold, double ResolveBelow, int MinScored, int WindowMinutes);

public sealed record SpikeSettings(bool Enabled, double ZScore, double ResolveBelowZ, int MinEvents, int WindowMinutes);

public sealed record DropSettings(bool Enabled, double Drop, double ResolveWithin, double MinBaselinePerHour);

public sealed record AnomalySettings(bool Enabled, double Coverage, double ResolveCoverage, int MinHistoryHours, int MinExcess)
{
    /// <summary>
    /// 98% with three days of history caught as many of NAB's labeled tweet windows as the spike rule at a fortieth of
    /// its false alerts; 99% and a week missed a third of them (docs/insights.md, "Against NAB's labels").
    /// </summary>
    public const double DefaultCoverage = 0.98;
    public const double DefaultResolveCoverage = 0.95;

    /// <summary>Three days: three samples of every hour of the day, enough for the daily cycle to lie inside the interval.</summary>
    public const int DefaultMinHistoryHours = 72;

    /// <summary>Two days, the least the hour-of-day profile is estimated from; below it every daily peak would look like a burst.</summary>
    public const int MinHistoryFloor = 48;

    public const int DefaultMinExcess = 10;
}
