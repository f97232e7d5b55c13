using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Forecasting;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>
/// Measures the two anomaly rules on a campaign's hourly history and keeps each reading until its hour, its count or
/// the settings change: a fit costs about half a millisecond, and alerts are checked up to once a second, so without
/// this the rule would refit the same hour thousands of times. Memory only; a new activation measures afresh.
/// </summary>
public sealed class AnomalyWatch
{
    private readonly Dictionary<string, (long Hour, long Actual, AnomalySettings Settings, RuleReading? Reading)> last = new(StringComparer.Ordinal);

    public IEnumerable<RuleReading> Measure(HourlySeries series, AnomalySettings settings, DateTime now)
    {
        if (!settings.Enabled)
        {
            yield break;
        }

        if (Read(series, ForecastMetric.Events, AlertRuleNames.VolumeAnomaly, "events", settings, now, bothSides: true) is { } volume)
        {
            yield return volume;
        }

        if (Read(series, ForecastMetric.Negative, AlertRuleNames.NegativeAnomaly, "negative texts", settings, now, bothSides: false) is { } negative)
        {
            yield return negative;
        }
    }

    private RuleReading? Read(HourlySeries series, ForecastMetric metric, string rule, string unit, AnomalySettings settings, DateTime now, bool bothSides)
    {
        var history = HistoryReader.Read(series, metric, now);
        if (history is null || history.Hourly.Length < 2)
        {
            return null;
        }

        var hour = (now.Ticks / TimeSpan.TicksPerHour) - 1;
        var actual = history.Hourly[^2];
        if (last.TryGetValue(rule, out var seen) && seen.Hour == hour && seen.Actual == actual && seen.Settings == settings)
        {
            return seen.Reading;
        }

        var reading = ForecastAnomaly.Measure(history, rule, unit, settings, bothSides);
        last[rule] = (hour, actual, settings, reading);
        return reading;
    }
}
