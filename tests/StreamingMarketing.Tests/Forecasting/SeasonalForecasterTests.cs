using MathNet.Numerics.Distributions;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Grains.Forecasting;

namespace StreamingMarketing.Tests.Forecasting;

/// <summary>The model against results known in advance: constants, pure cycles, the seasonal naive benchmark, noise of known law.</summary>
public sealed class SeasonalForecasterTests
{
    /// <summary>Hours since 0001-01-01 of 2026-11-02 00:00 UTC, a Monday: day-aligned like real history.</summary>
    private static readonly long FirstHour = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc).Ticks / TimeSpan.TicksPerHour;

    private static double Daily(long hour) => 1 + (0.8 * Math.Sin(2 * Math.PI * (hour % 24) / 24));

    private static double Weekly(long hour) => hour / 24 % 7 is 2 or 3 ? 0.5 : 1.0;

    private static double[] Series(int hours, Func<long, double> mean) => [.. Enumerable.Range(0, hours).Select(t => mean(FirstHour + t))];

    [Fact]
    public void A_constant_series_is_forecast_as_its_constant_with_a_zero_width_interval()
    {
        var model = SeasonalForecaster.Fit(Series(720, _ => 50), FirstHour, ForecastStep.Hour);

        Assert.All(Enumerable.Range(1, 168), h => Assert.Equal(50, model.Median(h), precision: 9));
        Assert.Equal((50, 50), Round(model.Interval(24, 0.95)));
        Assert.False(model.InsufficientHistory);
    }

    [Fact]
    public void A_pure_daily_cycle_is_forecast_exactly()
    {
        Func<long, double> truth = hour => Math.Exp(4 + Math.Log(Daily(hour))) - 1;
        var model = SeasonalForecaster.Fit(Series(720, truth), FirstHour, ForecastStep.Hour);

        Assert.All(Enumerable.Range(1, 48), h => Assert.Equal(truth(FirstHour + 720 + h - 1), model.Median(h), precision: 6));
    }

    [Fact]
    public void A_pure_daily_and_weekly_cycle_is_forecast_exactly_a_week_ahead()
    {
        Func<long, double> truth = hour => Math.Exp(4 + Math.Log(Daily(hour)) + Math.Log(Weekly(hour))) - 1;
        var model = SeasonalForecaster.Fit(Series(720, truth), FirstHour, ForecastStep.Hour);

        Assert.All(Enumerable.Range(1, 168), h => Assert.Equal(truth(FirstHour + 720 + h - 1), model.Median(h), precision: 6));
    }

    [Fact]
    public void Seasonal_naive_repeats_the_same_hour_of_the_day_before()
    {
        double[] history = [.. Enumerable.Range(1, 48).Select(v => (double)v)];

        Assert.Equal([25.0, 26, 27], SeasonalNaive.Forecast(history, 24, 3));
        Assert.Equal(25.0, SeasonalNaive.Forecast(history, 24, 25)[24]);
    }

    [Fact]
    public void A_zero_series_forecasts_zero_with_finite_intervals()
    {
        var model = SeasonalForecaster.Fit(new double[720], FirstHour, ForecastStep.Hour);

        Assert.Equal(0, model.Median(1));
        Assert.Equal((0, 0), Round(model.Interval(1, 0.99)));
        Assert.Equal(0, model.Backtest().Mae);
    }

    [Fact]
    public void Poisson_noise_around_a_daily_and_weekly_cycle_is_covered_as_the_intervals_claim()
    {
        var random = new Random(29);
        double in80 = 0, in95 = 0, model = 0, naive = 0;
        const int Runs = 40;
        for (var run = 0; run < Runs; run++)
        {
            var all = Series(744, hour => Poisson.Sample(random, 60 * Daily(hour) * Weekly(hour)));
            var history = all[..720];
            var fit = SeasonalForecaster.Fit(history, FirstHour, ForecastStep.Hour);
            var baseline = SeasonalNaive.Forecast(history, 24, 24);
            for (var h = 1; h <= 24; h++)
            {
                var actual = all[719 + h];
                var (low80, high80) = fit.Interval(h, 0.8);
                var (low95, high95) = fit.Interval(h, 0.95);
                in80 += low80 <= actual && actual <= high80 ? 1 : 0;
                in95 += low95 <= actual && actual <= high95 ? 1 : 0;
                model += Math.Abs(fit.Median(h) - actual);
                naive += Math.Abs(baseline[h - 1] - actual);
            }
        }

        Assert.InRange(in80 / (Runs * 24), 0.72, 0.9);
        Assert.InRange(in95 / (Runs * 24), 0.9, 0.99);
        Assert.True(model < 0.8 * naive, $"model MAE {model / (Runs * 24):0.00}, seasonal naive {naive / (Runs * 24):0.00}");
    }

    [Fact]
    public void A_burst_of_a_few_hours_barely_moves_the_next_day()
    {
        var calm = Series(720, hour => 100 * Daily(hour));
        var burst = (double[])calm.Clone();
        for (var t = 700; t < 703; t++)
        {
            burst[t] *= 10;
        }

        var withBurst = SeasonalForecaster.Fit(burst, FirstHour, ForecastStep.Hour);
        var without = SeasonalForecaster.Fit(calm, FirstHour, ForecastStep.Hour);

        Assert.All(Enumerable.Range(1, 24), h => Assert.InRange(withBurst.Median(h) / without.Median(h), 0.95, 1.15));
    }

    [Fact]
    public void A_level_shift_is_followed_within_two_days()
    {
        var shifted = Series(720, hour => (hour - FirstHour < 600 ? 100 : 300) * Daily(hour));

        var model = SeasonalForecaster.Fit(shifted, FirstHour, ForecastStep.Hour);

        Assert.All(Enumerable.Range(1, 24), h => Assert.InRange(model.Median(h) / (300 * Daily(FirstHour + 720 + h - 1)), 0.85, 1.1));
    }

    [Fact]
    public void A_gap_of_silent_hours_in_the_history_leaves_a_finite_forecast_near_the_usual_level()
    {
        var history = Series(720, hour => 100 * Daily(hour));
        Array.Clear(history, 500, 12);

        var model = SeasonalForecaster.Fit(history, FirstHour, ForecastStep.Hour);

        Assert.All(Enumerable.Range(1, 24), h => Assert.InRange(model.Median(h) / (100 * Daily(FirstHour + 720 + h - 1)), 0.8, 1.2));
        Assert.True(double.IsFinite(model.Interval(24, 0.95).High));
    }

    [Fact]
    public void A_short_history_says_so_and_its_intervals_are_wider_than_a_long_one_of_the_same_noise()
    {
        var random = new Random(3);
        var all = Series(720, hour => Poisson.Sample(random, 60 * Daily(hour)));
        var shortModel = SeasonalForecaster.Fit(all[^72..], FirstHour + 648, ForecastStep.Hour);
        var longModel = SeasonalForecaster.Fit(all, FirstHour, ForecastStep.Hour);

        static double Width((double Low, double High) interval) => interval.High - interval.Low;
        Assert.True(shortModel.InsufficientHistory);
        Assert.False(longModel.InsufficientHistory);
        Assert.True(Width(shortModel.Interval(1, 0.8)) > Width(longModel.Interval(1, 0.8)));
    }

    [Fact]
    public void No_history_at_all_falls_back_to_the_level_it_is_given()
    {
        var model = SeasonalForecaster.Fit([], FirstHour, ForecastStep.Hour, fallbackLevel: Math.Log(1 + 40));

        Assert.Equal(40, model.Median(1), precision: 9);
        var (low, high) = model.Interval(1, 0.8);
        Assert.True(low < 40 && high > 40 && double.IsFinite(high));
        Assert.Null(model.Backtest().Mae);
    }

    [Fact]
    public void Days_are_forecast_with_their_day_of_week_profile()
    {
        var firstDay = FirstHour / 24;
        double[] days = [.. Enumerable.Range(0, 29).Select(d => 2_400 * (((firstDay + d) % 7) is 2 or 3 ? 0.5 : 1.0))];

        var model = SeasonalForecaster.Fit(days, firstDay, ForecastStep.Day);

        Assert.False(model.InsufficientHistory);
        var dip = Enumerable.Range(1, 7).Where(h => (firstDay + 29 + h - 1) % 7 is 2 or 3).Select(model.Median).Average();
        var rest = Enumerable.Range(1, 7).Where(h => (firstDay + 29 + h - 1) % 7 is not (2 or 3)).Select(model.Median).Average();
        Assert.Equal(0.5, dip / rest, precision: 6);
    }

    private static (double, double) Round((double Low, double High) interval) => (Math.Round(interval.Low, 6), Math.Round(interval.High, 6));
}
