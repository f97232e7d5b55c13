using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Grains.Aggregation;

namespace StreamingMarketing.Grains.Forecasting;

/// <summary>Reads one metric's hourly counts off a campaign's <see cref="HourlySeries"/>.</summary>
public static class HistoryReader
{
    private static readonly int[] Engagements = [(int)EventType.Like, (int)EventType.Comment, (int)EventType.Share, (int)EventType.Click];
    private static readonly int[] AllTypes = [.. Enumerable.Range(0, EventTypes.Count)];

    /// <summary>From the first hour counted (at most 30 days back) through the current hour; null when nothing was ever counted.</summary>
    public static MetricHistory? Read(HourlySeries series, ForecastMetric metric, DateTime now)
    {
        if (series.IsEmpty)
        {
            return null;
        }

        var nowHour = now.Ticks / TimeSpan.TicksPerHour;
        var from = Math.Min(nowHour, Math.Max(series.FirstHour, nowHour - HourlySeries.Hours + 1));
        return new MetricHistory
        {
            Start = new DateTime(from * TimeSpan.TicksPerHour, DateTimeKind.Utc),
            Hourly = Values(series, metric, from, nowHour),
            Now = now,
        };
    }

    /// <summary>The metric's count in each hour of [<paramref name="fromHour"/>, <paramref name="toHour"/>].</summary>
    public static long[] Values(HourlySeries series, ForecastMetric metric, long fromHour, long toHour)
    {
        var channels = ChannelsOf(metric);
        var values = new long[Math.Max(0, toHour - fromHour + 1)];
        for (var i = 0; i < values.Length; i++)
        {
            foreach (var channel in channels)
            {
                values[i] += series.Count(fromHour + i, channel);
            }
        }

        return values;
    }

    private static int[] ChannelsOf(ForecastMetric metric) => metric switch
    {
        ForecastMetric.Engagements => Engagements,
        ForecastMetric.Events => AllTypes,
        ForecastMetric.Positive => [HourlySeries.PositiveChannel],
        ForecastMetric.Negative => [HourlySeries.NegativeChannel],
        _ => [(int)metric],
    };
}
