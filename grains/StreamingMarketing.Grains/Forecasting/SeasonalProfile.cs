using StreamingMarketing.Contracts.Forecasting;

namespace StreamingMarketing.Grains.Forecasting;

/// <summary>
/// Multiplicative seasonality, estimated in log space with medians so that bursts do not bend it: an hour-of-day
/// index (each hour against its day's mean; needs 2 full days) and a day-of-week index (each day's mean against the
/// centred 7-day moving average; needs 14 days). The classical decomposition of Hyndman &amp; Athanasopoulos, "Forecasting: Principles and Practice" (3rd ed.),
/// §3.4, with medians in place of means as in their robust STL discussion (§3.6).
/// </summary>
public sealed class SeasonalProfile
{
    public const int MinDaysForDaily = 2;
    public const int MinDaysForWeekly = 14;

    private readonly ForecastStep step;
    private readonly double[]? hourOfDay;
    private readonly double[]? dayOfWeek;

    private SeasonalProfile(ForecastStep step, double[]? hourOfDay, double[]? dayOfWeek)
    {
        this.step = step;
        this.hourOfDay = hourOfDay;
        this.dayOfWeek = dayOfWeek;
    }

    public bool HasDaily => hourOfDay is not null;

    public bool HasWeekly => dayOfWeek is not null;

    /// <summary>The seasonal index (log space) of bucket <paramref name="bucket"/> (hours or days since 0001-01-01).</summary>
    public double At(long bucket)
    {
        if (step == ForecastStep.Day)
        {
            return dayOfWeek?[bucket % 7] ?? 0;
        }

        return (hourOfDay?[bucket % 24] ?? 0) + (dayOfWeek?[bucket / 24 % 7] ?? 0);
    }

    /// <param name="z">log(1 + count) per bucket.</param>
    /// <param name="first">The bucket index of <c>z[0]</c>.</param>
    public static SeasonalProfile Estimate(double[] z, long first, ForecastStep step)
    {
        if (step == ForecastStep.Day)
        {
            return new SeasonalProfile(step, null, DayOfWeek(z, first));
        }

        // Only whole days: a partial one would read its missing hours' share as its own.
        var firstDay = (first + 23) / 24;
        var days = (int)Math.Max(0, ((first + z.Length) / 24) - firstDay);
        if (days < MinDaysForDaily)
        {
            return new SeasonalProfile(step, null, null);
        }

        var dayMeans = new double[days];
        var byHour = new List<double>[24];
        for (var h = 0; h < 24; h++)
        {
            byHour[h] = new List<double>(days);
        }

        for (var d = 0; d < days; d++)
        {
            var offset = (int)(((firstDay + d) * 24) - first);
            double sum = 0;
            for (var h = 0; h < 24; h++)
            {
                sum += z[offset + h];
            }

            dayMeans[d] = sum / 24;
            // The day starts at a multiple of 24 hours, so its h-th bucket is hour h of the day.
            for (var h = 0; h < 24; h++)
            {
                byHour[h].Add(z[offset + h] - dayMeans[d]);
            }
        }

        var daily = Centre(byHour.Select(Median).ToArray());
        return new SeasonalProfile(step, daily, DayOfWeek(dayMeans, firstDay));
    }

    /// <summary>Day-of-week indices of consecutive day values, or null when fewer than <see cref="MinDaysForWeekly"/>.</summary>
    private static double[]? DayOfWeek(double[] dayValues, long firstDay)
    {
        if (dayValues.Length < MinDaysForWeekly)
        {
            return null;
        }

        var byWeekday = new List<double>[7];
        for (var w = 0; w < 7; w++)
        {
            byWeekday[w] = [];
        }

        for (var d = 3; d < dayValues.Length - 3; d++)
        {
            double sum = 0;
            for (var j = d - 3; j <= d + 3; j++)
            {
                sum += dayValues[j];
            }

            byWeekday[(firstDay + d) % 7].Add(dayValues[d] - (sum / 7));
        }

        return Centre(byWeekday.Select(Median).ToArray());
    }

    private static double[] Centre(double[] index)
    {
        var mean = index.Average();
        return [.. index.Select(v => v - mean)];
    }

    internal static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
