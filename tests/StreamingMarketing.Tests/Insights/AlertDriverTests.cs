using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Insights;

/// <summary>An alert names what rose when it opened: the campaign's insights arithmetic, calm hour then a burst.</summary>
public sealed class AlertDriverTests
{
    private static readonly DateTime Now = new(2025, 5, 1, 12, 30, 30, DateTimeKind.Utc);
    private static readonly EffectiveRules Defaults = EffectiveRules.Resolve(null, null);

    private static CampaignInsights CalmHour(string[]? hashtags = null)
    {
        hashtags ??= ["everyday"];
        var insights = new CampaignInsights(new CampaignInsightsState(), mostNegativeKept: 5);
        for (var minute = 61; minute >= 2; minute--)
        {
            var at = Now.AddMinutes(-minute);
            insights.Apply(Events.Interaction(Guid.NewGuid().ToString(), EventType.Like, $"calm-{minute % 7}", "c", at) with { Hashtags = hashtags, PostId = "calm-post" }, Now);
        }

        return insights;
    }

    [Fact]
    public void A_volume_spike_names_the_tag_author_platform_and_post_that_rose_with_their_counts()
    {
        var insights = CalmHour();
        for (var i = 0; i < 120; i++)
        {
            var share = Events.Interaction(Guid.NewGuid().ToString(), EventType.Share, i % 4 == 0 ? "loud-user" : $"fan-{i}", "c", Now.AddSeconds(-i));
            var e = share with { Hashtags = ["flashsale"], PostId = "viral-post", Platform = Platform.TikTok };
            insights.Apply(e, Now);
        }

        var opened = insights.EvaluateAlerts("c", Defaults, Now);

        var spike = Assert.Single(opened, a => a.Rule == AlertRuleNames.VolumeSpike);
        var drivers = Assert.IsType<AlertDrivers>(spike.Drivers);
        Assert.Equal(AlertDriverBasis.Events, drivers.Basis);
        Assert.Equal("flashsale", drivers.Hashtags[0].Item);
        Assert.InRange(drivers.Hashtags[0].Recent, 100, 120);
        Assert.DoesNotContain(drivers.Hashtags, d => d.Item == "everyday");
        Assert.Equal("loud-user", drivers.Authors[0].Item);
        Assert.Equal("tiktok", drivers.Platforms[0].Item);
        Assert.Equal("viral-post", drivers.Posts[0].Item);
        Assert.All(new[] { drivers.Hashtags, drivers.Keywords, drivers.Authors, drivers.Platforms, drivers.Posts },
            list => Assert.InRange(list.Count, 0, AlertDrivers.MaxPerKind));
    }

    [Fact]
    public void A_tag_first_seen_after_an_hour_of_untagged_traffic_rose_against_that_hour()
    {
        var insights = CalmHour(hashtags: []);
        for (var i = 0; i < 120; i++)
        {
            insights.Apply(Events.Interaction(Guid.NewGuid().ToString(), EventType.Like, $"fan-{i}", "c", Now.AddSeconds(-i)) with { Hashtags = ["fail"] }, Now);
        }

        var spike = Assert.Single(insights.EvaluateAlerts("c", Defaults, Now), a => a.Rule == AlertRuleNames.VolumeSpike);

        Assert.Equal("fail", Assert.Single(spike.Drivers!.Hashtags).Item);
        Assert.True(insights.Trending(Now, 5)["15m"].Hashtags.Single().Burst > 5);
    }

    [Fact]
    public void A_negative_sentiment_alert_names_the_words_and_authors_of_the_negative_texts()
    {
        var insights = CalmHour();
        for (var i = 0; i < 40; i++)
        {
            var at = Now.AddSeconds(-i);
            var text = i % 2 == 0 ? "the refund never came, terrible support" : "broken zipper, refund please";
            var e = Events.Interaction(Guid.NewGuid().ToString(), EventType.Comment, i % 3 == 0 ? "angry-one" : $"critic-{i}", "c", at, text);
            insights.Apply(e, Now);
            insights.ApplySentiment(new PendingText(e.EventId, e.UserId, text, at, Platform.Twitter, Now), new SentimentScore(SentimentLabel.Negative, -0.9f), Now);
        }

        var opened = insights.EvaluateAlerts("c", Defaults, Now);

        var negative = Assert.Single(opened, a => a.Rule == AlertRuleNames.NegativeSentiment);
        Assert.Equal(AlertDriverBasis.NegativeTexts, negative.Drivers!.Basis);
        Assert.Equal("refund", negative.Drivers.Keywords[0].Item);
        Assert.Equal("angry-one", negative.Drivers.Authors[0].Item);
        Assert.Equal("twitter", negative.Drivers.Platforms[0].Item);
    }
}
