using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Gateway.Queries;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Http;

[Trait("Category", "Functional")]
public sealed class IngestHttpTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private HttpClient Http => fixture.Silo.Http;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private async Task<(HttpStatusCode Status, IngestResponse? Body)> PostAsync(object events)
    {
        var response = await Http.PostAsJsonAsync("/api/events", events);
        return (response.StatusCode, response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable
            ? await response.Content.ReadFromJsonAsync<IngestResponse>()
            : null);
    }

    private Task<CampaignView?> CampaignWhenAsync(string campaignId, Func<CampaignView, bool> condition) =>
        ViewWhenAsync($"/api/campaigns/{campaignId}", condition);

    /// <summary>User profiles trail their campaigns by up to one forwarding round (README, Exactly once).</summary>
    private Task<UserView?> UserWhenAsync(string userId, Func<UserView, bool> condition) =>
        ViewWhenAsync($"/api/users/{userId}", condition);

    private async Task<TView?> ViewWhenAsync<TView>(string path, Func<TView, bool> condition)
        where TView : class
    {
        TView? view = null;
        await RunningSilo.EventuallyAsync(async () =>
        {
            var response = await Http.GetAsync(path);
            view = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<TView>() : null;
            return view is not null && condition(view);
        });
        return view;
    }

    [Fact]
    public async Task Posted_json_events_show_in_campaign_and_user_within_a_second_or_so()
    {
        var campaign = NewId("c");
        var user = NewId("u");
        var (status, body) = await PostAsync(new[]
        {
            Events.Json(NewId("e"), "impression", user, campaign, hashtags: ["#Launch"]),
            Events.Json(NewId("e"), "impression", user, campaign),
            Events.Json(NewId("e"), "click", user, campaign, hashtags: ["launch"]),
            Events.Json(NewId("e"), "conversion", user, campaign, value: 19.5),
        });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((4, 0, 0), (body!.Accepted, body.Duplicates, body.Rejected));
        // Windows come from the campaign's insights grain, which trails the totals by a write and a courier round.
        var view = await CampaignWhenAsync(campaign, v => v.Totals["conversion"] == 1 && v.Windows["1h"].Totals.Values.Sum() == 4);
        Assert.Equal(2, view!.Totals["impression"]);
        Assert.Equal(0.5, view.Ctr);
        Assert.Equal(0.5, view.EngagementRate);
        Assert.Equal(19.5, view.ConversionValue);
        Assert.Equal(1, view.UniqueUsers);
        Assert.Equal("launch", view.TopHashtags[0].Tag);
        Assert.Equal(2, view.TopHashtags[0].Count);
        Assert.Equal(4, view.Windows["1h"].Totals.Values.Sum());

        var profile = await UserWhenAsync(user, v => v.Totals["conversion"] == 1);
        Assert.Equal(campaign, profile!.Campaigns.Single().CampaignId);
        Assert.Equal("launch", profile.Interests.Single().Tag);
    }

    [Fact]
    public async Task Ndjson_is_accepted_and_a_broken_line_is_rejected_alone()
    {
        var campaign = NewId("c");
        var lines = string.Join('\n',
            JsonSerializer.Serialize(Events.Json(NewId("e"), "like", "u1", campaign)),
            "{\"eventId\": broken",
            JsonSerializer.Serialize(Events.Json(NewId("e"), "share", "u2", campaign)));

        var response = await Http.PostAsync("/api/events", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"));
        var body = await response.Content.ReadFromJsonAsync<IngestResponse>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 1), (body!.Accepted, body.Rejected));
        Assert.Equal(1, body.Errors.Single().Index);
        Assert.NotNull(await CampaignWhenAsync(campaign, v => v.Totals["share"] == 1 && v.Totals["like"] == 1));
    }

    [Fact]
    public async Task Invalid_events_are_rejected_by_index_and_the_valid_ones_still_count()
    {
        var campaign = NewId("c");
        var (_, body) = await PostAsync(new object[]
        {
            Events.Json(NewId("e"), "like", "u1", campaign),
            Events.Json(NewId("e"), "teleport", "u1", campaign),
            Events.Json(NewId("e"), "like", "u1", campaign, at: DateTime.UtcNow.AddHours(1)),
            Events.Json(NewId("e"), "comment", "u1", campaign, text: new string('x', 4001)),
            new { eventId = NewId("e"), type = "like" },
        });

        Assert.Equal((1, 4), (body!.Accepted, body.Rejected));
        Assert.Equal([1, 2, 3, 4], body.Errors.Select(e => e.Index));
        Assert.Contains("teleport", body.Errors[0].Error);
        Assert.Contains("future", body.Errors[1].Error);
        Assert.Contains("4000", body.Errors[2].Error);
        Assert.Contains("userId is required", body.Errors[3].Error);
        Assert.NotNull(await CampaignWhenAsync(campaign, v => v.Totals["like"] == 1));
    }

    [Fact]
    public async Task Duplicates_inside_a_request_and_across_requests_count_once()
    {
        var campaign = NewId("c");
        var first = Events.Json(NewId("e"), "like", "u1", campaign);
        var second = Events.Json(NewId("e"), "share", "u1", campaign);

        var (_, inRequest) = await PostAsync(new[] { first, second, first, first });
        var (_, retry) = await PostAsync(new[] { first, second });
        var (_, later) = await PostAsync(new[] { Events.Json(NewId("e"), "click", "u1", campaign) });

        Assert.Equal((2, 2), (inRequest!.Accepted, inRequest.Duplicates));
        Assert.Equal(2, retry!.Accepted);
        Assert.Equal(1, later!.Accepted);
        var view = await CampaignWhenAsync(campaign, v => v.Totals["click"] == 1);
        Assert.Equal((1, 1), (view!.Totals["like"], view.Totals["share"]));
        Assert.Equal(2, view.DuplicatesDropped);
    }

    [Theory]
    [InlineData("[{\"eventId\": ")]
    [InlineData("{{{")]
    [InlineData("")]
    public async Task An_unparseable_body_is_a_400_with_a_message(string body)
    {
        var response = await Http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString()));
    }

    [Fact]
    public async Task More_than_5000_events_is_a_413()
    {
        var events = Enumerable.Range(0, 5001).Select(i => new { eventId = $"e{i}" });

        var response = await Http.PostAsJsonAsync("/api/events", events);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("5000", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_body_over_4_MiB_is_a_413()
    {
        var huge = "[" + string.Join(',', Enumerable.Repeat($"{{\"text\":\"{new string('x', 3_000)}\"}}", 1_500)) + "]";

        var response = await Http.PostAsync("/api/events", new StringContent(huge, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_ids_are_404_with_a_message()
    {
        var campaign = await Http.GetAsync($"/api/campaigns/{NewId("nope")}");
        var user = await Http.GetAsync($"/api/users/{NewId("nope")}");

        Assert.Equal(HttpStatusCode.NotFound, campaign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, user.StatusCode);
        Assert.Contains("No event", await campaign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_campaign_list_pages_with_headline_kpis()
    {
        var campaigns = Enumerable.Range(0, 3).Select(_ => NewId("list")).ToArray();
        await PostAsync(campaigns.Select(c => Events.Json(NewId("e"), "impression", "u1", c)).ToArray());
        foreach (var campaign in campaigns)
        {
            await CampaignWhenAsync(campaign, _ => true);
        }

        var all = await RunningSilo.EventuallyAsync(async () =>
        {
            var list = await Http.GetFromJsonAsync<CampaignListResponse>("/api/campaigns?pageSize=500");
            return campaigns.All(c => list!.Items.Any(i => i.CampaignId == c && i.Impressions == 1));
        });
        var firstPage = await Http.GetFromJsonAsync<CampaignListResponse>("/api/campaigns?page=1&pageSize=1");
        var badPage = await Http.GetAsync("/api/campaigns?pageSize=0");

        Assert.True(all);
        Assert.Single(firstPage!.Items);
        Assert.True(firstPage.Total >= 3);
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task Health_endpoints_answer_live_and_ready()
    {
        var live = await Http.GetAsync("/health/live");
        // Ready waits for the serving model, which a fresh silo is still loading (its encoder delta applied) while
        // the first tests run: poll as an orchestrator's readiness probe does.
        Assert.True(await RunningSilo.EventuallyAsync(async () => (await Http.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(60)));
        var ready = await Http.GetFromJsonAsync<JsonElement>("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("healthy", ready.GetProperty("status").GetString());
        Assert.Equal("healthy", ready.GetProperty("checks").GetProperty("storage").GetProperty("status").GetString());
    }
}
