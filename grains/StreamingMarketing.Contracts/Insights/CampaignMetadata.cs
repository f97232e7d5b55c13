namespace StreamingMarketing.Contracts.Insights;

/// <summary>
/// What a campaign manager says about a campaign (<c>PUT /api/campaigns/{id}</c>). Optional: events of campaigns never
/// described count all the same; the brand and competitors are what share of voice is measured against.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CampaignMetadata
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public string? Brand { get; init; }
    [Id(2)] public List<string> Competitors { get; init; } = [];
    [Id(3)] public DateTime? Start { get; init; }
    [Id(4)] public DateTime? End { get; init; }
    [Id(5)] public double? Budget { get; init; }

    /// <summary>Per-campaign overrides of the silo's default alert rules; unset fields keep the defaults.</summary>
    [Id(6)] public AlertRuleSet? AlertRules { get; init; }
    [Id(7)] public DateTime UpdatedAt { get; init; }
}
