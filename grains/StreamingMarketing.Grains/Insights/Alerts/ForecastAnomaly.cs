using System.Globalization;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Grains.Forecasting;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>
/// The anomaly rules: the last complete hour against the one-step forecast that the forecast endpoint's model
/// (<see cref="SeasonalForecaster"/>) makes from the hours before it. The model carries the hour-of-day and
/// day-of-week profiles, so the daily cycle lies inside the interval; only what the profile cannot explain leaves it.
/// </summary>
public static class ForecastAnomaly
{
    /// <summary>
    /// One reading of <paramref name="rule"/> on <paramref name="history"/> (as <see cref="HistoryReader"/> reads it),
    /// or null while the history is shorter than the rule needs. <paramref name="bothSides"/> also opens on an hour
    /// far below the interval (volume can collapse; fewer negative texts than expected is no alarm).
    /// </summary>
    public static RuleReading? Measure(MetricHistory? history, string rule, string unit, AnomalySettings settings, bool bothSides)
    {
        if (history is null)
        {
            return null;
        }

        var (complete, first, _) = ForecastBuilder.Buckets(history, ForecastStep.Hour);
        if (complete.Length - 1 < settings.MinHistoryHours)
        {
            return null;
        }

        var actual = complete[^1];
        var model = SeasonalForecaster.Fit(complete[..^1], first, ForecastStep.Hour);
        var (low, high) = model.Interval(1, settings.Coverage);
        var (resolveLow, resolveHigh) = model.Interval(1, settings.ResolveCoverage);
        var above = Beyond(actual - high, settings.MinExcess);
        var below = bothSides && Beyond(low - actual, settings.MinExcess);
        var inside = actual - resolveHigh < Math.Max(1, settings.MinExcess) && (!bothSides || resolveLow - actual < Math.Max(1, settings.MinExcess));
        var hour = new DateTime((first + complete.Length - 1) * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        return new RuleReading(
            rule,
            actual,
            Math.Round(below ? low : high, 2),
            Opens: above || below,
            Resolves: inside,
            Message(unit, hour, actual, low, high, model.Median(1), settings),
            hour);
    }

    /// <summary>At least <paramref name="minExcess"/> (and at least one whole count) past the bound.</summary>
    private static bool Beyond(double excess, int minExcess) => excess >= Math.Max(1, minExcess);

    private static string Message(string unit, DateTime hour, double actual, double low, double high, double median, AnomalySettings settings) =>
        string.Create(CultureInfo.InvariantCulture,
            $"expected {low:N0}–{high:N0} {unit} {hour:HH:mm}–{hour.AddHours(1):HH:mm} UTC {hour:yyyy-MM-dd} (median {median:N0}), saw {actual:N0} " +
            $"(opens outside the forecast's {settings.Coverage * 100:0.#}% interval, resolves inside its {settings.ResolveCoverage * 100:0.#}% one).");
}
