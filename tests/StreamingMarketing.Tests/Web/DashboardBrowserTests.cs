using System.Text.Json;
using Microsoft.Playwright;
using StreamingMarketing.Sentiment;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Web;

/// <summary>The dashboard page in a real headless Chromium against a real silo with API keys on.</summary>
[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class DashboardBrowserTests(KeyedSiloFixture fixture)
{
    private const string NegativeText = "Worst campaign ever, the product broke on day one and support ignored me";

    private static object[] Traffic(string campaign, int impressions, int likes, int comments) =>
    [
        .. Enumerable.Range(0, impressions).Select(i => Events.Json($"{campaign}-i-{Guid.NewGuid():N}", "impression", $"u-{i % 7}", campaign, hashtags: ["launch"])),
        .. Enumerable.Range(0, likes).Select(i => Events.Json($"{campaign}-l-{Guid.NewGuid():N}", "like", $"u-{i % 7}", campaign, hashtags: ["launch", "sale"])),
        .. Enumerable.Range(0, comments).Select(i => Events.Json($"{campaign}-c-{Guid.NewGuid():N}", "comment", $"u-{i}", campaign, text: NegativeText)),
    ];

    [Fact]
    public async Task The_page_shows_a_posted_campaign_live_and_stores_a_wrong_label_correction()
    {
        var campaign = $"browser-{Guid.NewGuid():N}";
        await fixture.PostEventsAsync(Traffic(campaign, impressions: 20, likes: 6, comments: 2));
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        // Acceptance: opening /?apiKey=READKEY shows the campaign just posted within 8 s.
        await page.GotoAsync($"{fixture.BaseAddress}?apiKey={KeyedSiloFixture.ReadKey}");
        var row = page.Locator($"tr[data-campaign='{campaign}']");
        await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 8_000 });
        Assert.DoesNotContain("apiKey", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("dashboard-list.png") });

        // The campaign view, then its numbers move when more events arrive (pushed over Server-Sent Events).
        await row.ClickAsync();
        var events = page.Locator(".campaign [data-kpi='events']");
        await Assertions.Expect(events).ToHaveTextAsync("28", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });
        await fixture.PostEventsAsync(Traffic(campaign, impressions: 10, likes: 2, comments: 0));
        await Assertions.Expect(events).ToHaveTextAsync("40", new LocatorAssertionsToHaveTextOptions { Timeout = 15_000 });

        // Comments are scored behind the counts; the most negative ones then carry the "wrong label" control.
        var comment = page.Locator(".comment").First;
        await comment.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await comment.Locator(".wrong-label").ClickAsync();
        await comment.Locator("select").SelectOptionAsync("positive");

        // The page's session cookie reads only (GET), and feedback needs the admin scope: the POST is refused as
        // unauthenticated, and the page asks for an admin key and sends again.
        var refused = await page.RunAndWaitForResponseAsync(() => comment.Locator("button[type=submit]").ClickAsync(), r => r.Url.EndsWith("/api/feedback", StringComparison.Ordinal));
        Assert.Equal(401, refused.Status);
        await comment.Locator("input[type=password]").FillAsync(KeyedSiloFixture.FullKey);
        var stored = await page.RunAndWaitForResponseAsync(() => comment.Locator("button[type=submit]").ClickAsync(), r => r.Url.EndsWith("/api/feedback", StringComparison.Ordinal));

        Assert.Equal(201, stored.Status);
        var sent = JsonSerializer.Deserialize<Dictionary<string, string>>(stored.Request.PostData!)!;
        Assert.Equal(new Dictionary<string, string> { ["text"] = NegativeText, ["label"] = "positive", ["campaignId"] = campaign }, sent);
        await Assertions.Expect(comment.Locator(".feedback-status")).ToContainTextAsync("stored as positive");
        Assert.Contains(FeedbackLog.ForDataDirectory(fixture.Silo.DataDir).ReadAll(),
            entry => entry.Text == NegativeText && entry.Label == "positive" && entry.CampaignId == campaign);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("dashboard-campaign.png"), FullPage = true });
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task Chromium_reading_the_page_once_loaded_sees_a_campaign_just_posted()
    {
        var campaign = $"dump-{Guid.NewGuid():N}";
        await fixture.PostEventsAsync(Traffic(campaign, impressions: 3, likes: 1, comments: 0));
        string dom = "";

        // The page embeds the list for its first paint, so even a tool that runs no script after load sees it.
        await RunningSilo.EventuallyAsync(async () => (dom = await HeadlessChromium.DumpDomAsync($"{fixture.BaseAddress}?apiKey={KeyedSiloFixture.ReadKey}"))
            .Contains($"data-campaign=\"{campaign}\""), TimeSpan.FromSeconds(30));

        Assert.Contains($"<tr data-campaign=\"{campaign}\"", dom);
    }
}
