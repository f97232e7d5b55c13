using Microsoft.Playwright;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.Experiments;

/// <summary>The campaign page's variants panel in a real headless Chromium against a real silo with API keys on.</summary>
[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class VariantsPanelBrowserTests(KeyedSiloFixture fixture)
{
    private static IEnumerable<object> Traffic(string campaign, string variant, int impressions, int clicks) =>
        Enumerable.Range(0, impressions).Select(i => (object)Events.Json($"{campaign}-i-{Guid.NewGuid():N}", "impression", $"u-{i % 50}", campaign, variant: variant))
            .Concat(Enumerable.Range(0, clicks).Select(i => (object)Events.Json($"{campaign}-c-{Guid.NewGuid():N}", "click", $"u-{i % 50}", campaign, variant: variant)));

    [Fact]
    public async Task The_campaign_page_shows_each_variant_its_verdict_a_chart_and_lets_the_manager_pick_the_control()
    {
        var campaign = $"browser-ab-{Guid.NewGuid():N}";
        await fixture.PostEventsAsync([.. Traffic(campaign, "control", 2_000, 40)]);
        await fixture.PostEventsAsync([.. Traffic(campaign, "bold", 2_000, 120)]);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);

        await page.GotoAsync($"{fixture.BaseAddress}?apiKey={KeyedSiloFixture.ReadKey}#/campaigns/{campaign}");
        var bold = page.Locator(".variants tr[data-variant='bold']");
        await Assertions.Expect(bold).ToHaveAttributeAsync("data-verdict", "better", new LocatorAssertionsToHaveAttributeOptions { Timeout = 20_000 });
        await Assertions.Expect(page.Locator(".variants polyline[data-variant='bold']")).ToHaveCountAsync(1);

        await page.Locator(".variants select[aria-label='Control']").SelectOptionAsync("bold");
        var control = page.Locator(".variants tr[data-variant='control']");
        await Assertions.Expect(control).ToHaveAttributeAsync("data-verdict", "worse", new LocatorAssertionsToHaveAttributeOptions { Timeout = 10_000 });
        await Assertions.Expect(bold).ToHaveAttributeAsync("data-verdict", "control");

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("dashboard-variants.png"), FullPage = true });
        Assert.Empty(scriptErrors);
    }
}
