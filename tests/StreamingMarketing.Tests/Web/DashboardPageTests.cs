using System.Net;
using System.Text.RegularExpressions;

namespace StreamingMarketing.Tests.Web;

[Collection(KeyedSiloCollection.Name)]
public sealed partial class DashboardPageTests(KeyedSiloFixture fixture)
{
    [GeneratedRegex("""(?:src|href)="([^"]+)"|from '([^']+)'""")]
    private static partial Regex References();

    [Fact]
    public async Task The_page_and_every_file_it_loads_are_served_by_the_gateway_itself()
    {
        using var http = fixture.Client();
        var pending = new Queue<string>(["/"]);
        var seen = new HashSet<string>();

        while (pending.TryDequeue(out var path))
        {
            if (!seen.Add(path))
            {
                continue;
            }

            using var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            foreach (Match reference in References().Matches(await response.Content.ReadAsStringAsync()))
            {
                var target = reference.Groups[1].Success ? reference.Groups[1].Value : reference.Groups[2].Value;
                // No CDN is reachable where this runs: everything must come from this gateway.
                Assert.False(target.Contains("//", StringComparison.Ordinal), $"{path} loads {target} from elsewhere");
                if (target.StartsWith("/assets/", StringComparison.Ordinal) || target.StartsWith("./", StringComparison.Ordinal))
                {
                    pending.Enqueue(target.StartsWith("./", StringComparison.Ordinal) ? "/assets/" + target[2..] : target);
                }
            }
        }

        Assert.Contains("/assets/app.js", seen);
        Assert.Contains("/assets/charts.js", seen);
        Assert.Contains("/assets/styles.css", seen);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/assets/app.js", "text/javascript")]
    [InlineData("/assets/styles.css", "text/css")]
    public async Task Files_are_served_with_their_content_type(string path, string mediaType)
    {
        using var http = fixture.Client();

        using var response = await http.GetAsync(path);

        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_unknown_asset_is_404()
    {
        using var http = fixture.Client();

        using var response = await http.GetAsync("/assets/nothing.js");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task With_a_read_key_in_the_address_the_page_trades_it_for_a_cookie_and_embeds_the_newest_campaigns()
    {
        var campaign = $"paint-{Guid.NewGuid():N}";
        await fixture.PostEventsAsync(Infrastructure.Events.Json($"e-{Guid.NewGuid():N}", "like", "u-1", campaign));
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = fixture.BaseAddress };
        string page = "";

        await Infrastructure.RunningSilo.EventuallyAsync(async () => (page = await browser.GetStringAsync($"/?apiKey={KeyedSiloFixture.ReadKey}")).Contains(campaign));

        Assert.Contains("<script id=\"first-paint\" type=\"application/json\">", page);
        Assert.Contains($"\"campaignId\":\"{campaign}\"", page);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/?apiKey=not-a-key")]
    public async Task Without_a_valid_read_key_the_page_embeds_no_data(string path)
    {
        using var http = fixture.Client();

        var page = await http.GetStringAsync(path);

        Assert.DoesNotContain("first-paint", page);
        Assert.Contains("<main id=\"view\">", page);
    }
}
