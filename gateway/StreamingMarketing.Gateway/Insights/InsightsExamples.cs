using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Spend;

namespace StreamingMarketing.Gateway.Insights;

/// <summary>Example requests and answers of the insights endpoints, for the OpenAPI document.</summary>
internal static class InsightsExamples
{
    private static readonly DateTime Now = new(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static CampaignMetadataRequest MetadataRequest => new()
    {
        Name = "Spring launch",
        Brand = "Acme",
        Competitors = ["Globex", "Initech"],
        Start = "2025-04-01",
        End = "2025-06-30T23:59:59Z",
        Budget = 250_000,
        AlertRules = new AlertRuleSet { NegativeSentiment = new NegativeSentimentRule { Threshold = 0.5, MinScored = 30 } },
        Currency = "EUR",
        CostModel = new CostModelRequest { Kind = "cpm", Price = 4.5m },
        PausedVariants = ["red-banner"],
    };

    public static CampaignMetadata Metadata => new()
    {
        Name = "Spring launch",
        Brand = "Acme",
        Competitors = ["Globex", "Initech"],
        Start = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc),
        End = new DateTime(2025, 6, 30, 23, 59, 59, DateTimeKind.Utc),
        Budget = 250_000,
        AlertRules = MetadataRequest.AlertRules,
        Currency = "EUR",
        CostModel = new CostModel { Kind = "cpm", Price = 4.5m },
        PausedVariants = ["red-banner"],
        UpdatedAt = Now,
    };

    public static TrendsView Trends => new()
    {
        Window = "1h",
        Hashtags = [new TrendingItem { Item = "springsale", Recent = 182.4, Expected = 9.1, Burst = 48.6 }],
        Keywords = [new TrendingItem { Item = "refund", Recent = 40.2, Expected = 2.3, Burst = 15.5 }],
        SketchCapacity = 1000,
        AsOf = Now,
    };

    public static AlertView Alert => new()
    {
        AlertId = "8f0c3d1e9b2a4c7d8e6f5a4b3c2d1e0f",
        CampaignId = "spring-launch",
        Rule = AlertRuleNames.NegativeSentiment,
        State = AlertStates.Open,
        OpenedAt = Now,
        Value = 0.87,
        Threshold = 0.4,
        Message = "87% of the 231 texts scored in the last 10 min are negative (opens at 40%, resolves below 25%).",
        Drivers = new AlertDrivers
        {
            Window = "15m",
            Basis = AlertDriverBasis.NegativeTexts,
            Hashtags = [Driver("springlaunch", 140, 20)],
            Keywords = [Driver("refund", 96, 2), Driver("broken", 61, 1.5)],
            Authors = [Driver("u-4711", 12, 0.2)],
            Platforms = [Driver("twitter", 180, 14)],
            Posts = [Driver("post-9", 88, 3)],
        },
    };

    private static TrendingItem Driver(string item, double recent, double expected) =>
        new() { Item = item, Recent = recent, Expected = expected, Burst = Math.Round((recent - expected) / Math.Sqrt(expected + 4), 3) };

    public static AlertListResponse Alerts => new(AlertStates.Open, [Alert]);

    public static InfluencersResponse Influencers => new("spring-launch",
    [
        new InfluencerView { UserId = "u-42", Score = 57, SharesReceived = 12, MentionsReceived = 4, RepliesReceived = 7, LikesReceived = 5, FollowsGained = 2, Posts = 3 },
    ]);

    public static ShareOfVoiceView ShareOfVoice => new()
    {
        Brand = "Acme",
        Window = "24h",
        Mentions = 640,
        Total = 1000,
        Share = 0.64,
        Competitors = [new BrandVoice("Globex", 250, 0.25), new BrandVoice("Initech", 110, 0.11)],
    };
}
