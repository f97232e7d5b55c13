using System.Globalization;

namespace StreamingMarketing.Contracts.Insights;

/// <summary>
/// The bounds of <see cref="ForecastAnomalyRule"/>, checked the same way for a campaign's metadata override and for
/// the silo's configuration (<c>Alerts:Rules:ForecastAnomaly</c>), so both refuse the same values with the same words.
/// </summary>
public static class ForecastAnomalyRules
{
    /// <summary>Interval coverages the one-step errors can honour: below 50% the band is noise, above 99.9% the week of errors has no such tail.</summary>
    public const double MinCoverage = 0.5;
    public const double MaxCoverage = 0.999;

    /// <summary>Two days (the hour-of-day profile's least) to the 30 days a campaign keeps.</summary>
    public const int MinHistoryHours = 48;
    public const int MaxHistoryHours = 719;

    /// <param name="key">The full name of a field, given its JSON name (<c>coverage</c>, ...).</param>
    public static void Check(ForecastAnomalyRule rule, Func<string, string> key, List<string> problems)
    {
        Range(key("coverage"), rule.Coverage, MinCoverage, MaxCoverage, problems);
        Range(key("resolveCoverage"), rule.ResolveCoverage, MinCoverage, MaxCoverage, problems);
        if (rule.Coverage <= rule.ResolveCoverage)
        {
            problems.Add($"{key("resolveCoverage")} must be lower than {key("coverage")} (the narrower band keeps the alert from flapping).");
        }

        Range(key("minHistoryHours"), rule.MinHistoryHours, MinHistoryHours, MaxHistoryHours, problems);
        Range(key("minExcess"), rule.MinExcess, 0, 1e9, problems);
    }

    private static void Range(string field, double? value, double min, double max, List<string> problems)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            problems.Add($"{field} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}.");
        }
    }
}
