namespace StreamingMarketing.Contracts.Forecasting;

/// <summary>
/// One metric's hourly counts as the campaign's insights state holds them: from <see cref="Start"/> (the first hour
/// counted, at most 30 days back) through the current hour, whose count is still growing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MetricHistory
{
    [Id(0)] public required DateTime Start { get; init; }

    /// <summary>One count per hour, oldest first; the last is the current, incomplete hour.</summary>
    [Id(1)] public required long[] Hourly { get; init; }
    [Id(2)] public required DateTime Now { get; init; }
}
