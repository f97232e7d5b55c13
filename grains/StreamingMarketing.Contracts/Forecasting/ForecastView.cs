namespace StreamingMarketing.Contracts.Forecasting;

/// <summary>The answer of <c>GET /api/campaigns/{id}/forecast</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record ForecastView
{
    [Id(0)] public required string Metric { get; init; }
    [Id(1)] public required string Step { get; init; }
    [Id(2)] public required DateTime GeneratedAt { get; init; }

    /// <summary>Which model made the points, and which seasonal profiles its history supported.</summary>
    [Id(3)] public required string Model { get; init; }

    /// <summary>One per future bucket, the first being the current one.</summary>
    [Id(4)] public required List<ForecastPoint> Points { get; init; }
    [Id(5)] public required ForecastBacktest Backtest { get; init; }

    /// <summary>True when the history was too short for the model's seasonal profiles: the intervals were widened.</summary>
    [Id(6)] public bool InsufficientHistory { get; init; }

    /// <summary>Complete buckets of history the model was fitted on.</summary>
    [Id(7)] public int HistoryBuckets { get; init; }
}

/// <summary>A future bucket's expected count (the median) with its 80% and 95% prediction intervals.</summary>
[GenerateSerializer, Immutable]
public sealed record ForecastPoint(
    [property: Id(0)] DateTime Time,
    [property: Id(1)] double Value,
    [property: Id(2)] double Lower80,
    [property: Id(3)] double Upper80,
    [property: Id(4)] double Lower95,
    [property: Id(5)] double Upper95);

/// <summary>
/// How the model did on the history itself: forecasts from rolling origins over the last buckets, each
/// <see cref="Horizon"/> buckets ahead at most, against seasonal naive (the same hour yesterday, or the same day last
/// week) on the same targets. Null errors when the history holds too few buckets to try.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ForecastBacktest
{
    [Id(0)] public int Horizon { get; init; }
    [Id(1)] public int Targets { get; init; }
    [Id(2)] public double? Mae { get; init; }
    [Id(3)] public double? SeasonalNaiveMae { get; init; }

    /// <summary>Mae / SeasonalNaiveMae: below 1 the model beats seasonal naive.</summary>
    [Id(4)] public double? MaeRatio { get; init; }
}
