using StreamingMarketing.Contracts.Forecasting;

namespace StreamingMarketing.Grains.Forecasting;

/// <summary>Turns a metric's hourly history into the forecast answer: complete buckets of the step, the fit, the points.</summary>
public static class ForecastBuilder
{
    /// <summary>The current bucket is forecast as a whole; until a quarter of it has passed, its count so far is not extrapolated further.</summary>
    private const double MinElapsedToExtrapolate = 0.25;

    public static ForecastView Build(MetricHistory source, ForecastMetric metric, ForecastStep step, int horizon)
    {
        horizon = Math.Clamp(horizon, 1, step.MaxHorizon());
        var (history, first, current) = Buckets(source, step);
        var width = step.Width().Ticks;
        var currentBucket = source.Now.Ticks / width;
        var elapsed = (double)(source.Now.Ticks - (currentBucket * width)) / width;
        var fallback = Math.Log(1 + (current / Math.Max(MinElapsedToExtrapolate, elapsed)));
        var model = SeasonalForecaster.Fit(history, first, step, fallback);

        var points = new List<ForecastPoint>(horizon);
        for (var h = 1; h <= horizon; h++)
        {
            var value = model.Median(h);
            var (low80, high80) = model.Interval(h, 0.80);
            var (low95, high95) = model.Interval(h, 0.95);
            if (h == 1)
            {
                // The current bucket already holds what it counted: it cannot end below that.
                (value, low80, low95) = (Math.Max(value, current), Math.Max(low80, current), Math.Max(low95, current));
                (high80, high95) = (Math.Max(high80, value), Math.Max(high95, value));
            }

            points.Add(new ForecastPoint(
                new DateTime((currentBucket + h - 1) * width, DateTimeKind.Utc), Round(value), Round(low80), Round(high80), Round(low95), Round(high95)));
        }

        return new ForecastView
        {
            Metric = metric.ToWireName(),
            Step = step.ToWireName(),
            GeneratedAt = source.Now,
            Model = model.Name,
            Points = points,
            Backtest = model.Backtest(),
            InsufficientHistory = model.InsufficientHistory,
            HistoryBuckets = model.HistoryLength,
        };
    }

    /// <summary>
    /// The complete buckets of <paramref name="step"/> in the history, the index of the first, and the count so far of
    /// the current one. A first bucket the history starts inside of (the campaign's first hour or day, or the edge of
    /// the 30 days) is left out: read as whole, it would look like a quiet bucket.
    /// </summary>
    public static (double[] History, long First, double Current) Buckets(MetricHistory source, ForecastStep step)
    {
        var hourly = source.Hourly;
        var startHour = source.Start.Ticks / TimeSpan.TicksPerHour;
        var complete = hourly.Length - 1;
        var current = hourly.Length > 0 ? hourly[^1] : 0;
        if (step == ForecastStep.Hour)
        {
            var skip = complete > 0 && hourly.Length < Aggregation.HourlySeries.Hours ? 1 : 0;
            return ([.. hourly.Skip(skip).Take(complete - skip).Select(v => (double)v)], startHour + skip, current);
        }

        var nowHour = startHour + complete;
        var nowDay = nowHour / 24;
        var firstDay = (startHour + 23) / 24;
        var days = new double[Math.Max(0, nowDay - firstDay)];
        double today = 0;
        for (var i = 0; i < hourly.Length; i++)
        {
            var day = (startHour + i) / 24;
            if (day == nowDay)
            {
                today += hourly[i];
            }
            else if (day >= firstDay)
            {
                days[day - firstDay] += hourly[i];
            }
        }

        return (days, firstDay, today);
    }

    private static double Round(double value) => Math.Round(value, 2);
}
