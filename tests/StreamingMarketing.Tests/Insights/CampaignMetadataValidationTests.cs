using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Tests.Insights;

public sealed class CampaignMetadataValidationTests
{
    private static readonly DateTime Now = new(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_complete_description_is_accepted_with_dates_in_utc()
    {
        var problems = new List<string>();
        var metadata = CampaignMetadataValidation.Validate("spring", new CampaignMetadataRequest
        {
            Name = " Spring ", Brand = "Acme", Competitors = ["Globex"], Start = "2025-04-01", End = "2025-06-30T12:00:00+02:00", Budget = 1000,
        }, Now, problems);

        Assert.Empty(problems);
        Assert.Equal("Spring", metadata!.Name);
        Assert.Equal(new DateTime(2025, 6, 30, 10, 0, 0, DateTimeKind.Utc), metadata.End);
    }

    [Fact]
    public void Every_broken_rule_is_named()
    {
        var problems = new List<string>();
        var metadata = CampaignMetadataValidation.Validate("spring", new CampaignMetadataRequest
        {
            Name = "", Brand = "Acme", Competitors = ["acme", "Globex", "GLOBEX"], Start = "2025-06-01", End = "2025-05-01", Budget = -1,
            AlertRules = new AlertRuleSet { NegativeSentiment = new NegativeSentimentRule { Threshold = 0.3, ResolveBelow = 0.5, WindowMinutes = 120 } },
        }, Now, problems);

        Assert.Null(metadata);
        Assert.Contains(problems, p => p.StartsWith("name", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is the brand itself", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("listed twice", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("end must not be before start", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("budget", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("resolveBelow must be lower", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("windowMinutes", StringComparison.Ordinal));
    }

    [Fact]
    public void Competitors_need_a_brand_and_dates_must_parse()
    {
        var problems = new List<string>();
        CampaignMetadataValidation.Validate("spring", new CampaignMetadataRequest { Name = "x", Competitors = ["Globex"], Start = "next week" }, Now, problems);

        Assert.Contains(problems, p => p.StartsWith("competitors need a brand", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("start 'next week'", StringComparison.Ordinal));
    }
}
