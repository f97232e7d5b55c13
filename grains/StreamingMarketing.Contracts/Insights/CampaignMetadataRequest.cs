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
}
