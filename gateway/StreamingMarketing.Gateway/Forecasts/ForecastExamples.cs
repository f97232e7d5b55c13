using StreamingMarketing.Contracts.Forecasting;

namespace StreamingMarketing.Gateway.Forecasts;

/// <summary>The OpenAPI example of the forecast answer: the next three hours of likes.</summary>
internal static class ForecastExamples
{
    private static readonly DateTime Now = new(2025, 5, 1, 8, 20, 0, DateTimeKind.Utc);

    public static ForecastView Forecast => new()
    {
        Metric = "like",
        Step = "1h",
        GeneratedAt = Now,
        Model = "robust seasonal exponential smoothing, log scale (hour-of-day and day-of-week profiles; alpha 0.05), conformal intervals",
        Points =
        [
            new ForecastPoint(Now.AddMinutes(-20), 212, 175.4, 251.9, 151.2, 288.3),
            new ForecastPoint(Now.AddMinutes(40), 356.1, 301.7, 422.5, 262.9, 478.8),
            new ForecastPoint(Now.AddMinutes(100), 331.4, 276.2, 398.8, 240.1, 455.6),
        ],
        Backtest = new ForecastBacktest { Horizon = 24, Targets = 3_756, Mae = 18.4, SeasonalNaiveMae = 26.9, MaeRatio = 0.684 },
        InsufficientHistory = false,
        HistoryBuckets = 719,
    };
}
