using System.Net;
using System.Net.Http.Json;

namespace StreamingMarketing.Tests.Web;

/// <summary>The page trades a key for an HttpOnly, SameSite=Strict cookie once; reads and streams then need no key in a URL.</summary>
[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class SessionCookieTests(KeyedSiloFixture fixture)
{
    private HttpClient Browser(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = fixture.BaseAddress };

    private async Task<CookieContainer> SignInAsync(string key)
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Headers = { { "X-Api-Key", key } } };
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(key, setCookie);
        return cookies;
    }

    [Fact]
    public async Task A_session_cookie_reads_campaigns_and_opens_event_streams()
    {
        using var browser = Browser(await SignInAsync(KeyedSiloFixture.ReadKey));

        using var list = await browser.GetAsync("/api/campaigns");
        using var stream = await browser.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_session_of_a_key_with_every_scope_still_only_reads()
    {
        using var browser = Browser(await SignInAsync(KeyedSiloFixture.FullKey));

        using var ingest = await browser.PostAsJsonAsync("/api/events", Array.Empty<object>());
        using var dashboard = await browser.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Unauthorized, ingest.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, dashboard.StatusCode);
    }

    [Fact]
    public async Task A_forged_cookie_is_refused()
    {
        var cookies = new CookieContainer();
        cookies.Add(fixture.BaseAddress, new Cookie("sm_session", "ZGFzaGJvYXJk.99999999999.AAAA"));
        using var browser = Browser(cookies);

        using var response = await browser.GetAsync("/api/campaigns");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_in_the_page_address_is_traded_for_the_cookie_and_redirected_away()
    {
        var cookies = new CookieContainer();
        using var browser = Browser(cookies);

        using var response = await browser.GetAsync($"/?apiKey={KeyedSiloFixture.ReadKey}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Single(cookies.GetCookies(fixture.BaseAddress), cookie => cookie.Name == "sm_session" && cookie.HttpOnly);
    }
}
