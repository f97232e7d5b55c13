using StreamingMarketing.Contracts.People;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Gateway.People;

/// <summary>The OpenAPI examples of the people endpoints: one person on Twitter and Instagram.</summary>
internal static class PeopleExamples
{
    private static readonly DateTime Now = new(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    public static PersonLinkRequest Request => new() { Ids = ["tw-ana", "ig-ana"] };

    public static PersonLinks Links => new() { PersonId = "ana", Ids = ["tw-ana", "ig-ana"], UpdatedAt = Now };

    public static PersonView Person => new()
    {
        PersonId = "ana",
        Ids = ["tw-ana", "ig-ana"],
        UnseenIds = [],
        Totals = new() { ["impression"] = 40, ["like"] = 9, ["comment"] = 3 },
        Platforms = new() { ["twitter"] = 31, ["instagram"] = 21 },
        Campaigns = [new UserCampaign("spring-launch", 38, Now, "advocate"), new UserCampaign("summer-teaser", 14, Now.AddDays(-2), "new")],
        Interests = [new TagWeight("springsale", 6.4), new TagWeight("sneakers", 2.1)],
        Sentiment = new SentimentView { Positive = 2, Neutral = 1, MeanScore = 0.52, NetSentiment = 0.667 },
        FirstSeen = Now.AddDays(-9),
        LastSeen = Now,
        EngagementScore = 21,
    };
}
