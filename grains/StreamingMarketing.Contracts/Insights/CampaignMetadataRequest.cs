using StreamingMarketing.Contracts.Spend;

namespace StreamingMarketing.Contracts.Insights;

/// <summary>
/// The body of <c>PUT /api/campaigns/{id}</c> as sent: dates stay strings so that validation, not the JSON reader, says
/// what is wrong with them.
/// </summary>
public sealed class CampaignMetadataRequest
{
    public string? Name { get; set; }
    public string? Brand { get; set; }
    public List<string?>? Competitors { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public double? Budget { get; set; }
    public AlertRuleSet? AlertRules { get; set; }
    public string? Currency { get; set; }
    public CostModelRequest? CostModel { get; set; }
    public List<string?>? PausedVariants { get; set; }
}

/// <summary><c>{"kind": "cpm" | "cpc", "price": 4.5}</c>, kept loose so that validation names what is wrong.</summary>
public sealed class CostModelRequest
{
    public string? Kind { get; set; }
    public decimal? Price { get; set; }
}
