using Microsoft.Playwright;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.Web;

/// <summary>
/// The campaign page's forecast panel in a real headless Chromium against a real silo with API keys on: after nine
/// days of daily cycle and a burst, both charts draw the 80% and 95% bands ahead and mark the anomalous hour.
/// </summary>
[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class ForecastPanelBrowserTests(KeyedSiloFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 30_000 };

    [Fact]
    public async Task The_campaign_page_draws_the_forecast_bands_beside_the_hourly_and_daily_charts_and_marks_the_anomaly()
    {
        await AnomalyTraffic.AwayFromTheHourEndAsync();
        var campaign = Burst.Id("forecast-page");
        foreach (var chunk in AnomalyTraffic.NineDaysThenABurst(campaign, DateTime.UtcNow).Chunk(1_000))
        {
            await fixture.PostEventsAsync([.. chunk]);
        }

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1400 } });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{fixture.BaseAddress}?apiKey={KeyedSiloFixture.ReadKey}");
        await page.GotoAsync($"{fixture.BaseAddress}#/campaigns/{campaign}");

        var panel = page.Locator($".campaign[data-campaign='{campaign}'] [data-panel='forecast']");
        foreach (var step in new[] { "1h", "1d" })
        {
            var chart = panel.Locator($"svg[data-step='{step}']");
            await Assertions.Expect(chart.Locator("polygon[data-band='80']")).ToBeVisibleAsync(Soon);
            await Assertions.Expect(chart.Locator("polygon[data-band='95']")).ToBeVisibleAsync(Soon);
            await Assertions.Expect(chart.Locator("polyline[data-series='actual']")).ToHaveCountAsync(1);
            await Assertions.Expect(chart.Locator("polyline[data-series='median']")).ToHaveCountAsync(1);
        }

        // The rule opens on the insights grain's next turn; the page shows it with the next push of the campaign.
        var mark = panel.Locator("svg[data-step='1h'] circle[data-rule='volume-anomaly']");
        await Assertions.Expect(mark).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(mark.Locator("title")).ToContainTextAsync($"saw {AnomalyTraffic.BurstCount} ");
        await Assertions.Expect(page.Locator(".alert[data-state='open'][data-rule='volume-anomaly']")).ToBeVisibleAsync(Soon);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("campaign-forecast.png"), FullPage = true });
        Assert.Empty(scriptErrors);
    }
}
