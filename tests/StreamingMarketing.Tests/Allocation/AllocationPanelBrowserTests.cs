using System.Net.Http.Json;
using Microsoft.Playwright;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.Allocation;

/// <summary>The campaign page's allocation and spend panels in a real headless Chromium against a real silo with API keys on.</summary>
[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class AllocationPanelBrowserTests(KeyedSiloFixture fixture)
{
    private static IEnumerable<object> Traffic(string campaign, string variant, int impressions, int clicks) =>
        Enumerable.Range(0, impressions).Select(i => (object)Events.Json($"{campaign}-i-{Guid.NewGuid():N}", "impression", $"u-{i % 50}", campaign, variant: variant))
            .Concat(Enumerable.Range(0, clicks).Select(i => (object)Events.Json($"{campaign}-c-{Guid.NewGuid():N}", "click", $"u-{i % 50}", campaign, variant: variant)));

    [Fact]
    public async Task The_campaign_page_shows_the_split_running_and_recommended_a_paused_variant_and_spend_against_budget()
    {
        var campaign = $"browser-alloc-{Guid.NewGuid():N}";
        using (var admin = fixture.Client(KeyedSiloFixture.FullKey))
        {
            (await admin.PutAsJsonAsync($"/api/campaigns/{campaign}", new
            {
                name = "Allocation page",
                budget = 20,
                currency = "EUR",
                end = Events.Iso(DateTime.UtcNow.AddDays(3)),
                costModel = new { kind = "cpm", price = 5 },
                pausedVariants = new[] { "old" },
            })).EnsureSuccessStatusCode();
        }

        await fixture.PostEventsAsync([.. Traffic(campaign, "control", 1_500, 30), .. Traffic(campaign, "bold", 1_500, 90), .. Traffic(campaign, "old", 500, 5)]);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1800 } });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync($"{fixture.BaseAddress}?apiKey={KeyedSiloFixture.ReadKey}#/campaigns/{campaign}");

        var bold = page.Locator(".allocation tr[data-variant='bold']");
        await Assertions.Expect(bold).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".allocation tr[data-variant='old']")).ToHaveAttributeAsync("data-share", "0.0000");
        Assert.True(double.Parse(await bold.GetAttributeAsync("data-share") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0.5);
        await Assertions.Expect(page.Locator(".allocation rect[data-row='recommended'][data-variant='bold']")).ToHaveCountAsync(1);

        // 3,500 impressions at 5 EUR per mille.
        await Assertions.Expect(page.Locator(".spend")).ToHaveAttributeAsync("data-spend", "17.5", new LocatorAssertionsToHaveAttributeOptions { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".spend")).ToContainTextAsync("over budget");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("dashboard-allocation.png"), FullPage = true });
        Assert.Empty(scriptErrors);
    }
}
