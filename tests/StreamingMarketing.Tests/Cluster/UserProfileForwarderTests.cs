using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Users;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>The silo-wide forwarder against real user grains of a three-silo cluster.</summary>
public sealed class UserProfileForwarderTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private UserProfileForwarder Forwarder => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<UserProfileForwarder>();

    private static InteractionEvent Like(string id, string userId, string campaignId) =>
        Events.Interaction(id, EventType.Like, userId, campaignId, DateTime.UtcNow);

    [Fact]
    public async Task Batches_of_two_campaigns_reach_a_shared_user_and_each_campaign_hears_of_its_own_new_member()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var user = $"{run}-user";

        // Handed over together, so they share a round and one call to the user.
        var first = Forwarder.ForwardAsync($"{run}-a", [Like($"{run}-1", user, $"{run}-a"), Like($"{run}-2", $"{run}-other", $"{run}-a")]);
        var second = Forwarder.ForwardAsync($"{run}-b", [Like($"{run}-3", user, $"{run}-b")]);
        var changesOfA = await first;
        var changesOfB = await second;

        Assert.Equal(2, changesOfA.Count);
        Assert.All(changesOfA, change => Assert.Null(change.Before));
        Assert.Null(Assert.Single(changesOfB).Before);
        var profile = await fixture.Client.GetGrain<IUserProfileGrain>(user).GetViewAsync();
        Assert.Equal(2, profile!.Totals["like"]);
        Assert.Equal(2, profile.Campaigns.Count);
    }

    [Fact]
    public async Task Two_batches_of_one_campaign_in_a_round_report_the_new_member_once()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var user = $"{run}-user";
        var campaign = $"{run}-c";

        var first = Forwarder.ForwardAsync(campaign, [Like($"{run}-1", user, campaign)]);
        var second = Forwarder.ForwardAsync(campaign, [Like($"{run}-2", user, campaign)]);
        var changes = (await first).Concat(await second).ToList();

        Assert.Null(Assert.Single(changes).Before);
        var profile = await fixture.Client.GetGrain<IUserProfileGrain>(user).GetViewAsync();
        Assert.Equal(2, profile!.Totals["like"]);
    }

    [Fact]
    public async Task A_resent_batch_is_applied_once_and_hears_the_same_segment_move_again()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var user = $"{run}-user";
        var campaign = $"{run}-c";
        InteractionEvent[] batch = [Like($"{run}-1", user, campaign), Events.Interaction($"{run}-2", EventType.Share, user, campaign, DateTime.UtcNow)];

        // A campaign resends only what it may not have recorded (a lost answer, a crash before its own write), so the
        // resend hears the move the first send made instead of nothing.
        var first = Assert.Single(await Forwarder.ForwardAsync(campaign, batch));
        var again = Assert.Single(await Forwarder.ForwardAsync(campaign, batch));

        Assert.Equal(first, again);
        var profile = await fixture.Client.GetGrain<IUserProfileGrain>(user).GetViewAsync();
        Assert.Equal(1, profile!.Totals["like"]);
        Assert.Equal(1, profile.Totals["share"]);
    }

    [Fact]
    public async Task A_user_whose_answer_was_lost_is_resent_by_the_forwarder_and_applies_once()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var flaky = $"{LostResponseToFlakyUsers.Prefix}{run}";
        var steady = $"{run}-steady";
        var campaign = $"{run}-c";

        var changes = await Forwarder.ForwardAsync(campaign, [Like($"{run}-1", flaky, campaign), Like($"{run}-2", steady, campaign)]);

        // The retry found the events applied: the flaky user counts them once, and its segment move was not lost.
        Assert.Equal(2, changes.Count);
        var profile = await fixture.Client.GetGrain<IUserProfileGrain>(flaky).GetViewAsync();
        Assert.Equal(1, profile!.Totals["like"]);
    }

    [Fact]
    public async Task An_empty_batch_completes_without_a_round()
    {
        Assert.Empty(await Forwarder.ForwardAsync("nobody", []));
    }
}
