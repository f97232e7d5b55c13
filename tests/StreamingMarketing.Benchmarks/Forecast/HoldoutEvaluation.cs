using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Forecasting;

namespace StreamingMarketing.Benchmarks.Forecast;

/// <summary>
/// The check on real data: a series replayed as mention events into a campaign's <see cref="HourlySeries"/>,
/// shifted by whole weeks to end before now, with its last day held out; the product's forecast of that day
/// (through <see cref="HistoryReader"/> and <see cref="ForecastBuilder"/>, as the endpoint answers) against seasonal naive.
/// </summary>
internal static class HoldoutEvaluation
{
    public sealed record Result(string Series, double Mae, double NaiveMae, double Coverage80, double Coverage95, bool InsufficientHistory)
    {
        public double Ratio => NaiveMae == 0 ? 1 : Mae / NaiveMae;
    }

    /// <param name="daysBack">0 holds out the series' last day; n holds out the day n days before it.</param>
    public static Result Run(NabSeries nab, DateTime now, int daysBack = 0)
    {
        var (firstHour, counts) = nab.Hourly();
        var holdoutStart = counts.Length - 24 - (24 * daysBack);
        var end = new DateTime((firstHour + holdoutStart) * TimeSpan.TicksPerHour, DateTimeKind.Utc);
        var shift = NabSeries.ShiftToEndBefore(end, now);
        var forecastAt = end + shift;

        var series = new HourlySeries();
        for (var i = Math.Max(0, holdoutStart - HourlySeries.Hours); i < holdoutStart; i++)
        {
            var hour = new DateTime((firstHour + i) * TimeSpan.TicksPerHour, DateTimeKind.Utc) + shift;
            for (var k = 0; k < counts[i]; k++)
            {
                series.AddEvent(hour.AddSeconds(k % 3600), forecastAt, EventType.Mention);
            }
        }

        var history = HistoryReader.Read(series, ForecastMetric.Mention, forecastAt)!;
        var forecast = ForecastBuilder.Build(history, ForecastMetric.Mention, ForecastStep.Hour, 24);
        var actual = counts.AsSpan(holdoutStart, 24).ToArray();
        var naive = SeasonalNaive.Forecast(counts[..holdoutStart], 24, 24);
        double mae = 0, naiveMae = 0, in80 = 0, in95 = 0;
        for (var h = 0; h < 24; h++)
        {
            var point = forecast.Points[h];
            mae += Math.Abs(point.Value - actual[h]);
            naiveMae += Math.Abs(naive[h] - actual[h]);
            in80 += point.Lower80 <= actual[h] && actual[h] <= point.Upper80 ? 1 : 0;
            in95 += point.Lower95 <= actual[h] && actual[h] <= point.Upper95 ? 1 : 0;
        }

        return new Result(nab.Name, mae / 24, naiveMae / 24, in80 / 24, in95 / 24, forecast.InsufficientHistory);
    }
}
