namespace StreamingMarketing.Contracts.Insights;

/// <summary>
/// The alert rules. The same shape serves as the silo's defaults (configuration <c>Alerts:Rules</c>, every field
/// set) and as a campaign's overrides (metadata <c>alertRules</c>, only the fields it changes), hence the nullables.
/// </summary>
[GenerateSerializer]
public sealed class AlertRuleSet
{
    [Id(0)] public NegativeSentimentRule? NegativeSentiment { get; set; }
    [Id(1)] public VolumeSpikeRule? VolumeSpike { get; set; }
    [Id(2)] public ConversionDropRule? ConversionDrop { get; set; }
    [Id(3)] public ForecastAnomalyRule? ForecastAnomaly { get; set; }
}

/// <summary>Share of negative texts among the texts scored in a sliding window of event time.</summary>
[GenerateSerializer]
public sealed class NegativeSentimentRule
{
    [Id(0)] public bool? Enabled { get; set; }

    /// <summary>Opens at or above this negative share (0–1).</summary>
    [Id(1)] public double? Threshold { get; set; }

    /// <summary>Resolves below this share; lower than <see cref="Threshold"/>, the gap is the hysteresis.</summary>
    [Id(2)] public double? ResolveBelow { get; set; }

    /// <summary>Scored texts the window needs before the share means anything.</summary>
    [Id(3)] public int? MinScored { get; set; }
    [Id(4)] public int? WindowMinutes { get; set; }
}

/// <summary>Events in a short sliding window against the campaign's usual rate for the same hour of day, as a z-score.</summary>
[GenerateSerializer]
public sealed class VolumeSpikeRule
{
    [Id(0)] public bool? Enabled { get; set; }
    [Id(1)] public double? ZScore { get; set; }
    [Id(2)] public double? ResolveBelowZ { get; set; }
    [Id(3)] public int? MinEvents { get; set; }
    [Id(4)] public int? WindowMinutes { get; set; }
}

/// <summary>Conversions in the last hour against the mean hourly conversions of the preceding hours of the day window.</summary>
[GenerateSerializer]
public sealed class ConversionDropRule
{
    [Id(0)] public bool? Enabled { get; set; }

    /// <summary>Opens when the last hour is at least this fraction below the baseline (0.5 = halved).</summary>
    [Id(1)] public double? Drop { get; set; }

    /// <summary>Resolves once the last hour is within this fraction of the baseline again (smaller than <see cref="Drop"/>).</summary>
    [Id(2)] public double? ResolveWithin { get; set; }

    /// <summary>Mean conversions per hour the baseline needs, so a campaign converting twice a day never alerts.</summary>
    [Id(3)] public double? MinBaselinePerHour { get; set; }
}

/// <summary>
/// The last complete hour's events (rule <c>volume-anomaly</c>) and negative texts (rule <c>negative-anomaly</c>)
/// against the one-step forecast of the campaign's hourly history.
/// </summary>
[GenerateSerializer]
public sealed class ForecastAnomalyRule
{
    [Id(0)] public bool? Enabled { get; set; }

    /// <summary>Opens when the hour leaves the forecast's interval of this coverage (0.99 = 99%).</summary>
    [Id(1)] public double? Coverage { get; set; }

    /// <summary>Resolves once an hour lies inside the interval of this (smaller) coverage again.</summary>
    [Id(2)] public double? ResolveCoverage { get; set; }

    /// <summary>Complete hours of history the forecast needs before the rule speaks.</summary>
    [Id(3)] public int? MinHistoryHours { get; set; }

    /// <summary>How far past the interval's bound the hour must be, in counts, so that a quiet series does not alert on a handful.</summary>
    [Id(4)] public int? MinExcess { get; set; }
}
