using StreamingMarketing.Contracts.Spend;

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

    /// <summary>ISO 4217 code of <see cref="Budget"/> and of every spend figure (e.g. EUR); only a label, nothing is converted.</summary>
    [Id(8)] public string? Currency { get; init; }

    /// <summary>How the campaign is billed; the campaign reports spend, cost per click and conversion, and ROAS once set.</summary>
    [Id(9)] public CostModel? CostModel { get; init; }

    /// <summary>Variants taken out of traffic: the allocation gives them share 0.</summary>
    [Id(10)] public List<string> PausedVariants { get; init; } = [];
}
