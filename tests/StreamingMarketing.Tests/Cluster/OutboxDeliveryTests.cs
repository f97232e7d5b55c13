using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Outbox;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>The silo's user-part courier against real user grains of a three-silo cluster.</summary>
[Trait("Category", "Cluster")]
public sealed class OutboxDeliveryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private UserPartCourier Courier => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<UserPartCourier>();

    /// <summary>Confirmations go to a real campaign grain that holds no such parts: it ignores them.</summary>
    private static GrainId Source(string campaignId) => GrainId.Create("campaign", campaignId);

    private static UserPart Likes(string userId, string campaignId, long sequence, int count, long after = 0) => new(
        userId, campaignId, PartSource.Campaign, sequence,
        [.. Enumerable.Repeat(new UserInteraction(campaignId, EventType.Like, Platform.Twitter, DateTime.UtcNow, ["sale"], 0), count)], [], after);

    private async Task<UserView?> ProfileWhenAsync(string userId, Func<UserView, bool> condition)
    {
        UserView? view = null;
        await RunningSilo.EventuallyAsync(async () =>
            (view = await fixture.Client.GetGrain<IUserProfileGrain>(userId).GetViewAsync()) is { } v && condition(v));
        return view;
    }

    private async Task DrainAsync()
    {
        foreach (var silo in fixture.Cluster.Silos)
        {
            Assert.True(await silo.ServiceProvider.GetRequiredService<OutboxDrain>().DrainAsync(TimeSpan.FromSeconds(30)));
        }
    }

    [Fact]
    public async Task A_heavy_users_part_resent_twice_beside_a_new_one_is_applied_once()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var user = $"{run}-page";
        var campaign = $"{run}-c";
        var heavy = Likes(user, campaign, sequence: 10, count: 500);

        Courier.Send(Source(campaign), [heavy]);
        Courier.Send(Source(campaign), [heavy, Likes(user, campaign, sequence: 11, count: 1)]);
        Courier.Send(Source(campaign), [heavy]);
        await DrainAsync();

        var profile = await ProfileWhenAsync(user, v => v.Totals["like"] >= 501);
        Assert.Equal(501, profile!.Totals["like"]);
    }

    [Fact]
    public async Task A_part_that_overtakes_the_one_it_follows_waits_for_it()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var user = $"{run}-user";
        var campaign = $"{run}-c";
        var otherSilosCourier = fixture.Cluster.Silos[1].ServiceProvider.GetRequiredService<UserPartCourier>();

        // As when a campaign moved silos: the new activation's courier sends part 2 while the old one still holds part 1.
        otherSilosCourier.Send(Source(campaign), [Likes(user, campaign, 2, 20, after: 1)]);
        await Task.Delay(20);
        Courier.Send(Source(campaign), [Likes(user, campaign, 1, 3)]);
        await DrainAsync();

        var profile = await ProfileWhenAsync(user, v => v.Totals["like"] == 23);
        Assert.Equal(23, profile!.Totals["like"]);
    }

    [Fact]
    public async Task Parts_of_two_campaigns_reach_a_shared_user()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var user = $"{run}-user";

        Courier.Send(Source($"{run}-a"), [Likes(user, $"{run}-a", 1, 2)]);
        Courier.Send(Source($"{run}-b"), [Likes(user, $"{run}-b", 1, 3)]);
        await DrainAsync();

        var profile = await ProfileWhenAsync(user, v => v.Totals["like"] == 5);
        Assert.Equal(2, profile!.Campaigns.Count);
    }

    [Fact]
    public async Task A_user_whose_answer_was_lost_is_resent_by_the_courier_and_applies_once()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var flaky = $"{LostResponseToFlakyUsers.LosesFirstAnswer}{run}";
        var campaign = $"{run}-c";

        Courier.Send(Source(campaign), [Likes(flaky, campaign, 1, 200)]);
        await DrainAsync();

        var profile = await ProfileWhenAsync(flaky, v => v.Totals["like"] > 0);
        Assert.Equal(200, profile!.Totals["like"]);
    }

    [Fact]
    public async Task A_part_no_retry_delivers_is_dead_lettered_and_the_receivers_later_parts_still_arrive()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var refusing = $"{LostResponseToFlakyUsers.AlwaysRefuses}{run}";
        var campaign = $"{run}-c";

        Courier.Send(Source(campaign), [Likes(refusing, campaign, 1, 3), Likes($"{run}-steady", campaign, 2, 4)]);
        await DrainAsync();

        var letter = Assert.Single(fixture.DeadLetters.Letters, l => l.Item is UserPart part && part.UserId == refusing);
        Assert.Equal("users-part", letter.Kind);
        Assert.Contains("refuses every part", letter.Error, StringComparison.Ordinal);
        var steady = await ProfileWhenAsync($"{run}-steady", v => v.Totals["like"] == 4);
        Assert.NotNull(steady);
    }

    [Fact]
    public async Task A_heavy_user_in_one_stream_item_redelivered_counts_once_in_campaign_and_profile()
    {
        var campaign = $"heavy-{Guid.NewGuid():N}";
        var user = $"page-{Guid.NewGuid():N}";
        var events = Enumerable.Range(0, 600).Select(i => Events.Interaction($"{campaign}-{i}", EventType.Like, user, campaign, DateTime.UtcNow)).ToArray();
        var stream = fixture.Client.GetStreamProvider(StreamNames.Provider).GetStream<InteractionBatch>(StreamId.Create(StreamNames.CampaignEvents, campaign));

        await stream.OnNextAsync(new InteractionBatch(events));
        await stream.OnNextAsync(new InteractionBatch(events));
        await stream.OnNextAsync(new InteractionBatch([.. events, Events.Interaction($"{campaign}-new", EventType.Share, user, campaign, DateTime.UtcNow)]));

        var profile = await ProfileWhenAsync(user, v => v.Totals["share"] == 1);
        await DrainAsync();
        profile = await ProfileWhenAsync(user, v => v.Totals["share"] == 1);
        Assert.Equal(600, profile!.Totals["like"]);
        var campaignView = await fixture.Client.GetGrain<ICampaignGrain>(campaign).GetViewAsync();
        Assert.Equal(600, campaignView!.Totals["like"]);
        Assert.Equal(1, campaignView.Totals["share"]);
    }
}
