namespace StreamingMarketing.Contracts.Spend;

/// <summary>
/// How the ad platform bills a campaign: <c>cpm</c>, <see cref="Price"/> per 1,000 impressions, or <c>cpc</c>,
/// <see cref="Price"/> per click. Decimal, so spend is the exact product of a count and the price the manager typed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CostModel
{
    public const string PerMille = "cpm";
    public const string PerClick = "cpc";
    public static readonly string[] Kinds = [PerMille, PerClick];

    /// <summary>The largest price accepted: a count of 2^63 events times it still fits a decimal.</summary>
    public const decimal MaxPrice = 1_000_000m;

    [Id(0)] public required string Kind { get; init; }
    [Id(1)] public required decimal Price { get; init; }
}
