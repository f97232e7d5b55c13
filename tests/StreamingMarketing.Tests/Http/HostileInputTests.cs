using System.Net;
using System.Net.Http.Json;
using System.Text;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Http;

/// <summary>Input the API could not serve back is refused at the door, and what gets in never breaks a read.</summary>
[Trait("Category", "Functional")]
public sealed class HostileInputTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private HttpClient Http => fixture.Silo.Http;

    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    private async Task<IngestResponse> PostAsync(params object[] events)
    {
        using var response = await Http.PostAsJsonAsync("/api/events", events);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IngestResponse>())!;
    }

    [Fact]
    public async Task Conversion_values_past_the_bound_are_refused_and_every_read_still_answers_200()
    {
        var campaign = NewId("c");
        var user = NewId("u");

        var body = await PostAsync(
            Events.Json(NewId("e"), "conversion", user, campaign, value: 1e308),
            Events.Json(NewId("e"), "conversion", user, campaign, value: 1e308),
            Events.Json(NewId("e"), "conversion", user, campaign, value: 1e9));

        Assert.Equal((1, 2), (body.Accepted, body.Rejected));
        Assert.All(body.Errors, error => Assert.Contains("from 0 to 1000000000", error.Error));
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await Http.GetAsync($"/api/campaigns/{campaign}")).StatusCode == HttpStatusCode.OK
            && (await Http.GetAsync($"/api/users/{user}")).StatusCode == HttpStatusCode.OK));
        var view = await Http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}");
        Assert.Equal(1e9, view!.ConversionValue);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/campaigns?pageSize=500")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task The_same_event_id_under_two_campaigns_is_two_events_and_under_one_campaign_a_duplicate()
    {
        var eventId = NewId("e");
        var (first, second) = (NewId("c"), NewId("c"));

        var body = await PostAsync(
            Events.Json(eventId, "like", "u-1", first),
            Events.Json(eventId, "like", "u-1", second),
            Events.Json(eventId, "like", "u-1", first));

        Assert.Equal((2, 1, 0), (body.Accepted, body.Duplicates, body.Rejected));
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("tag\u200Bhidden")]
    public async Task An_id_the_api_could_not_serve_back_is_rejected_with_a_message(string campaignId)
    {
        var body = await PostAsync(Events.Json(NewId("e"), "like", "u-1", campaignId));

        Assert.Equal(1, body.Rejected);
        Assert.Contains("campaignId", Assert.Single(body.Errors).Error);
    }

    [Theory]
    [InlineData("{\"texts\":")]
    [InlineData("{\"texts\": 7}")]
    public async Task A_sentiment_body_that_is_not_the_schema_is_a_400_that_names_the_body(string body)
    {
        using var response = await Http.PostAsync("/api/sentiment", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("request body could not be read", (await response.Content.ReadFromJsonAsync<ErrorResponse>())!.Error);
    }

    [Fact]
    public async Task A_time_of_day_without_a_date_is_not_a_timestamp()
    {
        var incoming = Events.Json(NewId("e"), "like", "u-1", NewId("c"));
        incoming["timestamp"] = "12:00";

        var body = await PostAsync(incoming);

        Assert.Contains("RFC 3339", Assert.Single(body.Errors).Error);
    }

    [Fact]
    public async Task A_hashtag_with_nul_or_escape_characters_is_rejected()
    {
        var body = await PostAsync(
            Events.Json(NewId("e"), "like", "u-1", NewId("c"), hashtags: ["ok\u0000"]),
            Events.Json(NewId("e"), "like", "u-1", NewId("c"), hashtags: ["\u001b[2J"]));

        Assert.Equal(2, body.Rejected);
    }

    [Theory]
    [InlineData("page=2147483647")]
    [InlineData("page=1000001")]
    [InlineData("page=0")]
    [InlineData("pageSize=501")]
    public async Task Paging_outside_its_bounds_is_a_400_that_says_the_bounds(string query)
    {
        using var response = await Http.GetAsync($"/api/campaigns?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("between 1 and", (await response.Content.ReadFromJsonAsync<ErrorResponse>())!.Error);
    }

    [Theory]
    [InlineData("PUT", "/api/campaigns/c-chunked")]
    [InlineData("POST", "/api/feedback")]
    [InlineData("POST", "/api/events")]
    public async Task A_chunked_body_over_the_limit_is_a_413(string method, string path)
    {
        // 5 MiB with no Content-Length: HttpClient sends it chunked, so only counting while reading can stop it.
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new ChunkedJson(5 * 1024 * 1024) };

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than", (await response.Content.ReadFromJsonAsync<ErrorResponse>())!.Error);
    }

    /// <summary>A JSON string of the given size whose length is never announced.</summary>
    private sealed class ChunkedJson : HttpContent
    {
        private readonly int bytes;

        public ChunkedJson(int bytes)
        {
            this.bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            await stream.WriteAsync("{\"name\":\""u8.ToArray());
            for (var sent = 0; sent < bytes; sent += chunk.Length)
            {
                await stream.WriteAsync(chunk);
            }

            await stream.WriteAsync("\"}"u8.ToArray());
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
