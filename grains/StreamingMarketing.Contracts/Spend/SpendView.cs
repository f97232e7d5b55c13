namespace StreamingMarketing.Contracts.Spend;

/// <summary>What the traffic of one span (the campaign's totals, a window, a variant) cost under the campaign's cost model.</summary>
[GenerateSerializer, Immutable]
public sealed record SpendView
{
    [Id(0)] public string? Currency { get; init; }
    [Id(1)] public required decimal Spend { get; init; }

    /// <summary>Spend / clicks; null without clicks.</summary>
    [Id(2)] public decimal? CostPerClick { get; init; }

    /// <summary>Spend / conversions; null without conversions.</summary>
    [Id(3)] public decimal? CostPerConversion { get; init; }

    /// <summary>Conversion value / spend; null while nothing was spent.</summary>
    [Id(4)] public double? ReturnOnAdSpend { get; init; }
}

/// <summary>The campaign's spend against its budget, projected to its end date.</summary>
[GenerateSerializer, Immutable]
public sealed record BudgetView
{
    [Id(0)] public string? Currency { get; init; }
    [Id(3)] public required decimal Spend { get; init; }
    [Id(4)] public decimal? Budget { get; init; }

    /// <summary>Budget − spend (negative once overspent); null without a budget.</summary>
    [Id(5)] public decimal? Remaining { get; init; }

    /// <summary>Spend / budget; null without a budget (or with a budget of 0).</summary>
    [Id(6)] public double? BudgetUsed { get; init; }

    /// <summary>
    /// Spend at the campaign's end date if the last 24 hours' spend rate (of event time) holds; the spend itself once the
    /// end has passed; null without an end date.
    /// </summary>
    [Id(7)] public decimal? ProjectedSpend { get; init; }
    [Id(8)] public DateTime? ProjectedAt { get; init; }

    /// <summary>True when <see cref="ProjectedSpend"/> exceeds the budget; null when either is unknown.</summary>
    [Id(9)] public bool? ProjectedOverBudget { get; init; }

    /// <summary>The spend rate the projection assumes, per hour.</summary>
    [Id(10)] public decimal? SpendPerHour { get; init; }
}
