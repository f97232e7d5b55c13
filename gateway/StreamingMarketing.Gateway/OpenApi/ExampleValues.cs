using StreamingMarketing.Contracts.Spend;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Gateway.Live;
using StreamingMarketing.Gateway.Queries;

namespace StreamingMarketing.Gateway.OpenApi;

/// <summary>
/// Realistic values for the OpenAPI examples, built from the contract types themselves so that an example cannot drift
/// from what the API really answers: a renamed field breaks the build, not the reader.
/// </summary>
internal static class ExampleValues
{
    private static readonly DateTime Now = new(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static object[] Events =>
    [
        new
        {
            eventId = "ig-7f3a-000001", platform = "instagram", type = "comment", userId = "u-48213", campaignId = "spring-launch",
            postId = "p-991", timestamp = "2025-05-01T11:59:58Z", text = "Love the new colours, ordering today!", hashtags = new[] { "springlaunch" },
        },
        new
        {
            eventId = "ig-7f3a-000002", platform = "instagram", type = "conversion", userId = "u-48213", campaignId = "spring-launch",
            postId = "p-991", timestamp = "2025-05-01T12:00:03Z", value = 49.90, variant = "blue-banner",
        },
    ];

    public static IngestResponse Ingested => new(2, 0, 0, []);

    public static IngestResponse Saturated => new(0, 0, 0, [new IngestError(0, "not published: the stream is saturated (back-pressure); retry this event with the same eventId")]) { Unpublished = 1 };

    public static Dictionary<string, long> Totals(long scale) => new()
    {
        ["impression"] = 1200 * scale, ["view"] = 210 * scale, ["like"] = 96 * scale, ["comment"] = 31 * scale, ["share"] = 18 * scale,
        ["click"] = 54 * scale, ["follow"] = 9 * scale, ["mention"] = 7 * scale, ["conversion"] = 6 * scale,
    };

    public static SentimentView Sentiment => new() { Positive = 21, Neutral = 9, Negative = 8, Unscored = 0, MeanScore = 0.27, NetSentiment = 0.34, Pending = 0 };

    public static CampaignSummary Summary => new()
    {
        CampaignId = "spring-launch", Events = 1631, Impressions = 1200, UniqueUsers = 412, EngagementRate = 0.166, Ctr = 0.045,
        Conversions = 6, ConversionValue = 299.4, NetSentiment = 0.34, LastEventAt = Now,
    };

    public static CampaignListResponse CampaignList => new([Summary], 1, 50, 1);

    public static LiveCampaignList LiveList => new([Summary], 1);

    public static WindowView Window(string bucketSize, DateTime from) => new()
    {
        Totals = Totals(1), EngagementRate = 0.166, Ctr = 0.045, ConversionValue = 299.4, Sentiment = Sentiment, From = from, BucketSize = bucketSize,
        Buckets =
        [
            new BucketView { Start = Now.AddMinutes(-1), Totals = new() { ["impression"] = 640, ["like"] = 51, ["comment"] = 17 }, Sentiment = Sentiment },
            new BucketView { Start = Now, Totals = new() { ["impression"] = 560, ["like"] = 45, ["comment"] = 14 }, Sentiment = Sentiment },
        ],
    };

    public static CampaignView Campaign => new()
    {
        CampaignId = "spring-launch", Totals = Totals(1), Platforms = new() { ["instagram"] = 1020, ["twitter"] = 611 },
        UniqueUsers = 412, UniqueUsersExact = true, UniqueUsersRelativeError = 0, EngagementRate = 0.166, Ctr = 0.045, Conversions = 6, ConversionValue = 299.4,
        Windows = new()
        {
            ["1h"] = Window("1m", Now.AddHours(-1)),
            ["24h"] = Window("1h", Now.AddDays(-1)),
            ["30d"] = Window("1d", Now.AddDays(-30)),
        },
        Sentiment = Sentiment,
        TopHashtags = [new TagCount("springlaunch", 311), new TagCount("sale", 87)],
        TopPosts = [new PostEngagement("p-991", 140)],
        MostNegativeComments =
        [
            new NegativeComment { EventId = "tw-5512", UserId = "u-7781", Text = "Third ad today, and the link is broken.", Score = -0.91, Timestamp = Now.AddMinutes(-3), Platform = "twitter" },
        ],
        FirstEventAt = Now.AddHours(-2), LastEventAt = Now, UpdatedAt = Now, DuplicatesDropped = 3,
        Metadata = Insights.InsightsExamples.Metadata,
        Spend = new SpendView { Currency = "EUR", Spend = 5.4m, CostPerClick = 0.1m, CostPerConversion = 0.9m, ReturnOnAdSpend = 55.444444 },
        Budget = new BudgetView
        {
            Currency = "EUR", Spend = 5.4m, Budget = 250_000m, Remaining = 249_994.6m, BudgetUsed = 0.000022, SpendPerHour = 2.7m,
            ProjectedSpend = 4_433.4m, ProjectedAt = Insights.InsightsExamples.Metadata.End, ProjectedOverBudget = false,
        },
    };

    public static UserView User => new()
    {
        UserId = "u-48213", Totals = new() { ["impression"] = 14, ["comment"] = 1, ["conversion"] = 1 }, Platforms = new() { ["instagram"] = 16 },
        Campaigns = [new UserCampaign("spring-launch", 16, Now)], Interests = [new TagWeight("springlaunch", 0.82), new TagWeight("sale", 0.31)],
        Sentiment = new SentimentView { Positive = 1, MeanScore = 0.88, NetSentiment = 1 }, FirstSeen = Now.AddDays(-6), LastSeen = Now, EngagementScore = 3.5,
        Windows = new() { ["24h"] = Window("1h", Now.AddDays(-1)) with { Totals = new() { ["impression"] = 5, ["comment"] = 1 }, Buckets = [] } },
    };

    public static object ScoreRequest => new { texts = new[] { "Love the new colours, ordering today!", "Third ad today, and the link is broken." } };

    public static SentimentResponse Scores => new()
    {
        ModelVersion = "sentiment-v1",
        Results =
        [
            new SentimentResultView { Label = "positive", Score = 0.93, Probabilities = new() { ["negative"] = 0.02, ["neutral"] = 0.03, ["positive"] = 0.95 } },
            new SentimentResultView { Label = "negative", Score = -0.91, Probabilities = new() { ["negative"] = 0.93, ["neutral"] = 0.05, ["positive"] = 0.02 } },
        ],
    };

    public static ModelView Model => new()
    {
        Version = "sentiment-v1", Labels = ["negative", "neutral", "positive"],
        ValidationMetrics = new() { ["accuracy"] = 0.68, ["macroF1"] = 0.66 }, CreatedAt = Now.AddDays(-2), ExecutionProvider = "CPU",
        ValidationMethod = "TweetEval sentiment validation split", ActivatedAt = Now.AddHours(-5), ServedBy = "silo-0",
    };

    public static object Feedback => new { text = "Third ad today, and the link is broken.", label = "negative", campaignId = "spring-launch" };

    public static object FeedbackStored => new { label = "negative", receivedAt = Now, stored = 42 };

    public static ErrorResponse Error(string message) => new(message);
}
