using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Forecasting;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Benchmarks.Forecast;

namespace StreamingMarketing.Benchmarks.Alerts;

/// <summary>
/// Replays one NAB series as mention events, in its own time, through the product's alert code: each 5-minute row's
/// count spread over its five minutes into a campaign's windows and hourly history, the volume-spike rule measured at
/// the end of every row (against the hour-of-day baseline folded from the same windows), the volume-anomaly rule at the
/// first row of every new hour (through <see cref="HistoryReader"/> and <see cref="ForecastAnomaly"/>, as the insights
/// grain reads it). Both go through an <see cref="AlertBook"/>, so hysteresis holds; an opening is a detection.
/// </summary>
internal static class AlertReplay
{
    /// <summary>Row indices at which each rule's alerts opened.</summary>
    public sealed record Detections(List<int> Anomaly, List<int> Spike);

    public static Detections Run(NabSeries nab, EffectiveRules rules)
    {
        var windows = new EventWindows();
        var history = new HourlySeries();
        var spikeBook = new AlertBook();
        var anomalyBook = new AlertBook();
        var detections = new Detections([], []);
        var firstEventAt = Minute(nab.FiveMinutes[0].Time);
        long lastHour = -1;
        for (var row = 0; row < nab.FiveMinutes.Count; row++)
        {
            var (time, count) = nab.FiveMinutes[row];
            var start = Minute(time);
            var hour = start.Ticks / TimeSpan.TicksPerHour;
            if (lastHour >= 0 && hour != lastHour && rules.Anomaly.Enabled)
            {
                var reading = ForecastAnomaly.Measure(HistoryReader.Read(history, ForecastMetric.Events, start), "volume-anomaly", "events", rules.Anomaly, bothSides: true);
                if (reading is not null && anomalyBook.Apply("nab", reading, start) is { State: "open" })
                {
                    detections.Anomaly.Add(row);
                }
            }

            lastHour = hour;
            var end = start.AddMinutes(5).AddTicks(-1);
            for (var k = 0; k < count; k++)
            {
                var at = start.AddTicks(k * (5 * TimeSpan.TicksPerMinute) / count);
                windows.AddEvent(at, end, EventType.Mention, 0);
                history.AddEvent(at, end, EventType.Mention);
            }

            spikeBook.Baseline.FoldCompletedHours(windows.LastDay, end, firstEventAt);
            if (AlertEvaluator.VolumeSpike(windows.LastHour, spikeBook.Baseline, firstEventAt, rules.Spike, end) is { } spike
                && spikeBook.Apply("nab", spike, end) is { State: "open" })
            {
                detections.Spike.Add(row);
            }
        }

        return detections;
    }

    private static DateTime Minute(DateTime time) => new(time.Ticks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, DateTimeKind.Utc);
}
