using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Grains.Users;

namespace StreamingMarketing.Tests.Users;

public sealed class ProfileCampaignsTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

    private static UserInteraction Like(string campaignId, DateTime at) => new(campaignId, EventType.Like, Platform.Twitter, at, [], 0);

    [Fact]
    public void Listing_one_campaign_too_many_unlists_the_least_recent_and_keeps_its_part_numbers()
    {
        var state = new UserProfileState();
        var campaigns = new ProfileCampaigns(state);
        for (var i = 0; i <= ProfileCampaigns.MaxListed; i++)
        {
            campaigns.SetLastPart(PartSource.Campaign, $"c{i}", 100 + i);
            campaigns.Track(Like($"c{i}", Start.AddMinutes(i)));
        }

        campaigns.SetLastPart(PartSource.Insights, "c0", 7);
        var listed = campaigns.ToViews(Start.AddHours(1));
        Assert.Equal(ProfileCampaigns.MaxListed, listed.Count);
        Assert.DoesNotContain(listed, c => c.CampaignId == "c0");
        Assert.Null(campaigns.SegmentIn("c0"));
        Assert.Equal(100, campaigns.LastPart(PartSource.Campaign, "c0"));
        Assert.Equal(7, campaigns.LastPart(PartSource.Insights, "c0"));
        Assert.Equal(ProfileCampaigns.MaxListed + 1, campaigns.Ids().Count());

        // Listed again, it starts afresh (one event, first seen now), and the next least recent gives way.
        campaigns.Track(Like("c0", Start.AddHours(2)));
        listed = campaigns.ToViews(Start.AddHours(2));
        Assert.Equal(1, listed.Single(c => c.CampaignId == "c0").Events);
        Assert.DoesNotContain(listed, c => c.CampaignId == "c1");
        Assert.Equal(101, campaigns.LastPart(PartSource.Campaign, "c1"));
    }

    [Fact]
    public void Sentiment_counts_in_listed_campaigns_only()
    {
        var state = new UserProfileState();
        var campaigns = new ProfileCampaigns(state);
        campaigns.SetLastPart(PartSource.Insights, "parts-only", 3);
        campaigns.AddSentiment("parts-only", SentimentLabel.Positive);
        Assert.Null(campaigns.SegmentIn("parts-only"));

        campaigns.Track(Like("listed", Start));
        campaigns.AddSentiment("listed", SentimentLabel.Positive);
        campaigns.AddSentiment("listed", SentimentLabel.Positive);
        Assert.Equal(SentimentStanding.Advocate, campaigns.SegmentIn("listed")!.Value.Standing);
    }

    [Fact]
    public void Campaign_ids_are_shared_between_profiles()
    {
        var first = new UserProfileState();
        var second = new UserProfileState();
        new ProfileCampaigns(first).Track(Like(new string("shared-campaign".AsSpan()), Start));
        new ProfileCampaigns(second).Track(Like(new string("shared-campaign".AsSpan()), Start));
        Assert.Same(first.Campaigns[0].CampaignId, second.Campaigns[0].CampaignId);
    }
}
