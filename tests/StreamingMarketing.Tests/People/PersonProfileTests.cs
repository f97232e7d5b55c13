using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.People;

namespace StreamingMarketing.Tests.People;

public sealed class PersonProfileTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static UserView User(string id, long likes, long positive, long negative, double? mean, DateTime first, DateTime last, string campaign, string segment) => new()
    {
        UserId = id,
        Totals = new() { ["like"] = likes, ["comment"] = positive + negative },
        Platforms = new() { [id.StartsWith("tw", StringComparison.Ordinal) ? "twitter" : "instagram"] = likes + positive + negative },
        Campaigns = [new UserCampaign(campaign, likes + positive + negative, last, segment)],
        Interests = [new TagWeight("spring", 1.5), new TagWeight(id, 0.5)],
        Sentiment = new SentimentView { Positive = positive, Negative = negative, MeanScore = mean },
        FirstSeen = first,
        LastSeen = last,
        EngagementScore = likes,
        Windows = [],
    };

    [Fact]
    public void A_persons_counts_are_the_sums_of_its_ids_and_its_span_the_widest()
    {
        var tw = User("tw-ana", 5, 3, 1, 0.4, Now.AddDays(-3), Now.AddHours(-1), "spring", "advocate");
        var ig = User("ig-ana", 2, 0, 2, -0.6, Now.AddDays(-5), Now.AddDays(-1), "spring", "detractor");

        var person = PersonProfile.Merge("ana", ["tw-ana", "ig-ana", "fb-ana"], [("tw-ana", tw), ("ig-ana", ig), ("fb-ana", null)]);

        Assert.Equal(7, person.Totals["like"]);
        Assert.Equal(6, person.Totals["comment"]);
        Assert.Equal(new Dictionary<string, long> { ["twitter"] = 9, ["instagram"] = 4 }, person.Platforms);
        var campaign = Assert.Single(person.Campaigns);
        Assert.Equal((13L, "advocate"), (campaign.Events, campaign.Segment));
        Assert.Equal(3.0, person.Interests.Single(t => t.Tag == "spring").Weight);
        Assert.Equal((3L, 3L), (person.Sentiment.Positive, person.Sentiment.Negative));
        Assert.Equal(((0.4 * 4) + (-0.6 * 2)) / 6, person.Sentiment.MeanScore!.Value, precision: 12);
        Assert.Equal(0.0, person.Sentiment.NetSentiment);
        Assert.Equal((Now.AddDays(-5), Now.AddHours(-1)), (person.FirstSeen!.Value, person.LastSeen!.Value));
        Assert.Equal(["fb-ana"], person.UnseenIds);
        Assert.Equal(7, person.EngagementScore);
    }

    [Fact]
    public void A_person_whose_ids_were_never_seen_has_an_empty_profile()
    {
        var person = PersonProfile.Merge("nobody", ["x"], [("x", null)]);

        Assert.Empty(person.Totals);
        Assert.Null(person.Sentiment.MeanScore);
        Assert.Null(person.FirstSeen);
    }
}
