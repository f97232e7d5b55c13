using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Web;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class ApiKeyTests(KeyedSiloFixture fixture)
{
    private static object[] OneEvent(string campaign) => [Events.Json($"e-{Guid.NewGuid():N}", "like", "u-1", campaign)];

    [Fact]
    public async Task Posting_events_without_a_key_is_401_with_a_json_error()
    {
        using var http = fixture.Client();

        using var response = await http.PostAsJsonAsync("/api/events", OneEvent("c-auth"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ErrorResponse>();
        Assert.Contains("needs an API key", body!.Error);
    }

    [Fact]
    public async Task Posting_events_with_the_read_only_key_is_403_naming_the_missing_scope()
    {
        using var http = fixture.Client(KeyedSiloFixture.ReadKey);

        using var response = await http.PostAsJsonAsync("/api/events", OneEvent("c-auth"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ErrorResponse>();
        Assert.Equal("The API key 'dashboard' lacks the 'ingest' scope this endpoint needs.", body!.Error);
    }

    [Fact]
    public async Task Posting_events_with_the_full_key_is_accepted()
    {
        using var http = fixture.Client(KeyedSiloFixture.FullKey);

        using var response = await http.PostAsJsonAsync("/api/events", OneEvent("c-auth"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<IngestResponse>())!.Accepted);
    }

    [Fact]
    public async Task A_bearer_token_works_like_the_X_Api_Key_header()
    {
        using var http = fixture.Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedSiloFixture.FullKey);

        using var response = await http.PostAsJsonAsync("/api/events", OneEvent("c-auth"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_key_is_401_and_says_the_key_is_not_valid()
    {
        using var http = fixture.Client(KeyedSiloFixture.FullKey + "x");

        using var response = await http.GetAsync("/api/campaigns");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("The API key is not valid.", (await response.Content.ReadFromJsonAsync<ErrorResponse>())!.Error);
    }

    [Theory]
    [InlineData("/api/campaigns")]
    [InlineData("/api/users/u-never-seen")]
    [InlineData("/api/campaigns/c-never-seen")]
    public async Task The_read_key_reads_and_no_key_is_refused(string path)
    {
        using var reader = fixture.Client(KeyedSiloFixture.ReadKey);
        using var anonymous = fixture.Client();

        using var read = await reader.GetAsync(path);
        using var refused = await anonymous.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Scoring_sentiment_needs_the_read_scope_not_ingest()
    {
        using var reader = fixture.Client(KeyedSiloFixture.ReadKey);
        using var anonymous = fixture.Client();
        var body = new { texts = new[] { "love it" } };

        using var scored = await reader.PostAsJsonAsync("/api/sentiment", body);
        using var refused = await anonymous.PostAsJsonAsync("/api/sentiment", body);

        Assert.NotEqual(HttpStatusCode.Forbidden, scored.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, scored.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/")]
    [InlineData("/assets/app.js")]
    public async Task Health_probes_and_the_page_shell_stay_open_without_a_key(string path)
    {
        using var http = fixture.Client();

        using var response = await http.GetAsync(path);

        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_key_in_the_query_string_never_counts()
    {
        using var http = fixture.Client();

        using var list = await http.GetAsync($"/api/campaigns?apiKey={KeyedSiloFixture.ReadKey}");
        using var stream = await http.GetAsync($"/api/live?apiKey={KeyedSiloFixture.ReadKey}", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stream.StatusCode);
    }

    [Fact]
    public async Task Feedback_needs_the_admin_scope()
    {
        using var reader = fixture.Client(KeyedSiloFixture.ReadKey);
        using var admin = fixture.Client(KeyedSiloFixture.FullKey);
        var feedback = new { text = "not negative at all, this is sarcasm done right", label = "positive", campaignId = "c-auth" };

        using var refused = await reader.PostAsJsonAsync("/api/feedback", feedback);
        using var stored = await admin.PostAsJsonAsync("/api/feedback", feedback);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("'admin' scope", (await refused.Content.ReadFromJsonAsync<ErrorResponse>())!.Error);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
    }
}
