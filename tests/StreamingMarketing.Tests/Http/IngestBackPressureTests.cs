using StreamingMarketing.Grains.Campaigns;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Http;

/// <summary>The embedded profile's bound on events published and not yet applied, over real HTTP.</summary>
[Trait("Category", "Functional")]
public sealed class IngestBackPressureTests
{
    private static object[] Likes(string campaignId, string prefix, int count) =>
        Enumerable.Range(0, count).Select(i => (object)new
        {
            eventId = $"{prefix}-{i}",
            platform = "twitter",
            type = "like",
            userId = $"{prefix}-u{i % 50}",
            campaignId,
            timestamp = DateTime.UtcNow,
        }).ToArray();

    private static async Task<bool> LikesReachAsync(RunningSilo silo, string campaignId, long likes) =>
        await RunningSilo.EventuallyAsync(async () =>
        {
            var answer = await silo.Http.GetAsync($"/api/campaigns/{campaignId}");
            return answer.IsSuccessStatusCode && (await answer.Content.ReadFromJsonAsync<CampaignView>())!.Totals["like"] == likes;
        });

    [Fact]
    public async Task A_burst_far_beyond_the_bound_waits_for_room_and_every_event_is_counted()
    {
        await using var silo = await RunningSilo.StartAsync(extraArgs: ["--Ingest:MaxEventsInFlight", "500", "--Ingest:MaxPublishBackoff", "00:00:30"]);
        var campaignId = $"burst-{Guid.NewGuid():N}";

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(r => silo.Http.PostAsJsonAsync("/api/events", Likes(campaignId, $"{campaignId}-{r}", 1_000))));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        Assert.True(await LikesReachAsync(silo, campaignId, 16_000));
    }

    [Fact]
    public async Task Events_that_find_no_room_within_the_back_off_are_answered_503_and_can_be_resent()
    {
        await using var silo = await RunningSilo.StartAsync(extraArgs: ["--Ingest:MaxEventsInFlight", "100", "--Ingest:MaxPublishBackoff", "00:00:00.3"]);
        var campaignId = $"stuck-{Guid.NewGuid():N}";
        var events = Likes(campaignId, campaignId, 10);

        // A consumer that has fallen far behind, as the publisher sees it.
        var delivery = silo.Services.GetRequiredService<InProcessDelivery>();
        delivery.Published(1_000);
        var refused = await silo.Http.PostAsJsonAsync("/api/events", events);
        var body = await refused.Content.ReadFromJsonAsync<IngestResponse>();
        delivery.Delivered(new InteractionBatch(new InteractionEvent[1_000], delivery.Id));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(10, body!.Unpublished);
        Assert.Equal(0, body.Accepted);
        Assert.Contains("retry", body.Errors[0].Error, StringComparison.Ordinal);

        var resent = await silo.Http.PostAsJsonAsync("/api/events", events);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.True(await LikesReachAsync(silo, campaignId, 10));
    }
}
