using Orleans.Runtime;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Cluster;

[Trait("Category", "Cluster")]
public sealed class CampaignPipelineTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private Task PublishAsync(string campaignId, params InteractionEvent[] events) =>
        fixture.Client.GetStreamProvider(StreamNames.Provider)
            .GetStream<InteractionBatch>(StreamId.Create(StreamNames.CampaignEvents, campaignId))
            .OnNextAsync(new InteractionBatch(events));

    private async Task<Dictionary<string, long>?> TotalsAsync(string campaignId) =>
        (await fixture.Client.GetGrain<ICampaignGrain>(campaignId).GetViewAsync())?.Totals;

    [Fact]
    public async Task Three_silos_count_every_campaign_exactly()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var random = new Random(42);
        var expected = new Dictionary<string, long[]>();
        var types = Enum.GetValues<EventType>();
        var sends = new List<Task>();
        for (var batch = 0; batch < 40; batch++)
        {
            var campaignId = $"{run}-c{batch % 10}";
            var events = Enumerable.Range(0, 50).Select(i =>
            {
                var type = types[random.Next(types.Length)];
                return Events.Interaction($"{run}-{batch}-{i}", type, $"u{random.Next(200)}", campaignId, DateTime.UtcNow, type.RequiresText() ? "hello" : null);
            }).ToArray();
            foreach (var e in events)
            {
                (expected.TryGetValue(campaignId, out var counts) ? counts : expected[campaignId] = new long[EventTypes.Count])[(int)e.Type]++;
            }

            sends.Add(PublishAsync(campaignId, events));
        }

        await Task.WhenAll(sends);

        foreach (var (campaignId, counts) in expected)
        {
            var exact = await RunningSilo.EventuallyAsync(async () =>
                await TotalsAsync(campaignId) is { } totals && types.All(t => totals[t.ToWireName()] == counts[(int)t]));
            Assert.True(exact, $"campaign {campaignId} totals differ from what was sent");
        }

        Assert.True(fixture.Cluster.Silos.Count == 3);
    }

    [Fact]
    public async Task A_redelivered_stream_item_is_applied_once_to_campaign_and_user()
    {
        var campaignId = $"redelivery-{Guid.NewGuid():N}";
        var userId = $"user-{Guid.NewGuid():N}";
        var events = Enumerable.Range(0, 5).Select(i => Events.Interaction($"{campaignId}-{i}", EventType.Like, userId, campaignId, DateTime.UtcNow)).ToArray();

        await PublishAsync(campaignId, events);
        await PublishAsync(campaignId, events);
        await PublishAsync(campaignId, events[0], Events.Interaction($"{campaignId}-new", EventType.Share, userId, campaignId, DateTime.UtcNow));

        Assert.True(await RunningSilo.EventuallyAsync(async () => await TotalsAsync(campaignId) is { } t && t["share"] == 1));
        var campaign = await fixture.Client.GetGrain<ICampaignGrain>(campaignId).GetViewAsync();
        Assert.Equal(5, campaign!.Totals["like"]);
        Assert.Equal(6, campaign.DuplicatesDropped);
        // User profiles trail the campaign by up to one forwarding round.
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            await fixture.Client.GetGrain<IUserProfileGrain>(userId).GetViewAsync() is { } u && u.Totals["share"] == 1));
        var user = await fixture.Client.GetGrain<IUserProfileGrain>(userId).GetViewAsync();
        Assert.Equal(5, user!.Totals["like"]);
        Assert.Equal(1, user.Totals["share"]);
    }

    [Fact]
    public async Task A_user_profile_follows_the_user_across_campaigns()
    {
        var userId = $"user-{Guid.NewGuid():N}";
        var now = DateTime.UtcNow;
        await PublishAsync($"{userId}-a", Events.Interaction($"{userId}-1", EventType.Like, userId, $"{userId}-a", now) with { Hashtags = ["shoes"] });
        await PublishAsync($"{userId}-b", Events.Interaction($"{userId}-2", EventType.Comment, userId, $"{userId}-b", now.AddMinutes(-1), "nice") with { Hashtags = ["shoes", "summer"] });

        // No silo of this cluster holds the scoring role: the comment is counted, and its sentiment lands as unscored.
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            await fixture.Client.GetGrain<IUserProfileGrain>(userId).GetViewAsync() is { Campaigns.Count: 2, Sentiment.Unscored: 1 }));
        var user = await fixture.Client.GetGrain<IUserProfileGrain>(userId).GetViewAsync();
        Assert.Equal("shoes", user!.Interests[0].Tag);
        Assert.Equal(now.AddMinutes(-1), user.FirstSeen!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(now, user.LastSeen!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, user.Sentiment.Unscored);
    }

    [Fact]
    public async Task An_unknown_campaign_or_user_has_no_view()
    {
        Assert.Null(await fixture.Client.GetGrain<ICampaignGrain>($"never-{Guid.NewGuid():N}").GetViewAsync());
        Assert.Null(await fixture.Client.GetGrain<IUserProfileGrain>($"never-{Guid.NewGuid():N}").GetViewAsync());
    }
}
