using System.Net.Http.Json;
using Microsoft.Playwright;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.Web;

/// <summary>
/// The campaign page's insight panels in a real headless Chromium against a real silo with API keys on: a calm hour
/// over two campaigns, then a spike of angry comments naming the brand's competitor on one of them.
/// </summary>
[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class DashboardInsightsBrowserTests(KeyedSiloFixture fixture)
{
    private static readonly string[] AngryTexts =
    [
        "Acme broke on day one, Globex would never do this, terrible",
        "Switching to Globex, Acme support is awful and slow",
        "Acme refund still missing, worst purchase this year",
    ];

    private static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 10_000 };

    [Fact]
    public async Task After_a_burst_the_campaign_page_shows_every_panel_switches_windows_compares_and_exports()
    {
        var brand = $"acme{Guid.NewGuid():N}"[..12];
        var spiking = Burst.Id("launch");
        var steady = Burst.Id("steady");
        using (var admin = fixture.Client(KeyedSiloFixture.FullKey))
        {
            var described = await admin.PutAsJsonAsync($"/api/campaigns/{spiking}", new { name = "Spring launch", brand, competitors = new[] { "Globex" } });
            described.EnsureSuccessStatusCode();
        }

        var now = DateTime.UtcNow;
        var star = Events.Json(Burst.Id(spiking), "mention", "star-user", spiking, now.AddMinutes(-30), $"Loving the new {brand} kit");
        star["postId"] = "star-post";
        await fixture.PostEventsAsync([.. Burst.CalmHour(spiking, now), star, .. Burst.CalmHour(steady, now)]);
        var spike = Enumerable.Range(0, 240).Select(i =>
        {
            var e = Events.Json(Burst.Id(spiking), i % 2 == 0 ? "comment" : "share", $"fan-{i % 40}", spiking, DateTime.UtcNow.AddMilliseconds(-i * 100),
                text: i % 2 == 0 ? AngryTexts[i % AngryTexts.Length].Replace("Acme", brand, StringComparison.Ordinal) : null, hashtags: ["fail"]);
            e["postId"] = "star-post";
            e["platform"] = "instagram";
            return e;
        });
        await fixture.PostEventsAsync([.. spike]);

        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 }, AcceptDownloads = true });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{fixture.BaseAddress}?apiKey={KeyedSiloFixture.ReadKey}");
        await page.GotoAsync($"{fixture.BaseAddress}#/campaigns/{spiking}");

        // Within 10 s: KPIs, the charts, trending tags, an open alert with its cause, influencers, share of voice.
        var campaign = page.Locator($".campaign[data-campaign='{spiking}']");
        await Assertions.Expect(campaign.Locator("[data-kpi='events']")).Not.ToHaveTextAsync("0", new() { Timeout = 10_000 });
        await Assertions.Expect(campaign.Locator(".charts svg[data-window='1h']").First).ToBeVisibleAsync(Soon);
        await Assertions.Expect(campaign.Locator("[data-list='trending-hashtags'] .hbar-label", new() { HasText = "#fail" })).ToBeVisibleAsync(Soon);
        var alert = campaign.Locator(".alert[data-state='open'][data-rule='volume-spike']");
        await Assertions.Expect(alert.Locator(".driver-row[data-kind='hashtags'] .chip", new() { HasText = "#fail" })).ToBeVisibleAsync(Soon);
        await Assertions.Expect(alert.Locator(".driver-row[data-kind='platforms'] .chip", new() { HasText = "instagram" })).ToBeVisibleAsync(Soon);
        await Assertions.Expect(campaign.Locator("[data-panel='influencers'] tr[data-user='star-user']")).ToBeVisibleAsync(Soon);
        var voice = campaign.Locator("[data-panel='share-of-voice']");
        await Assertions.Expect(voice.Locator(".hbar-label", new() { HasText = "Globex" })).ToBeVisibleAsync(Soon);
        await Assertions.Expect(voice.Locator(".voice-share")).ToContainTextAsync($"{brand}: ", new() { Timeout = 10_000 });
        await Assertions.Expect(campaign.Locator("[data-list='segments'] dd[data-count='new']")).Not.ToHaveTextAsync("0", new() { Timeout = 10_000 });
        await Assertions.Expect(campaign.Locator("[data-meta='brand']")).ToHaveTextAsync(brand);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("campaign-insights-1280.png"), FullPage = true });

        // The window switch redraws every chart over the chosen span, and says which one is chosen.
        foreach (var window in new[] { "24h", "30d", "1h" })
        {
            var button = campaign.Locator($".switch button[data-window='{window}']");
            await button.ClickAsync();
            await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
            await Assertions.Expect(campaign.Locator($".charts svg[data-window='{window}']")).ToHaveCountAsync(4);
            Assert.True(await campaign.Locator(".charts svg rect").CountAsync() > 0, $"no bar drawn for {window}");
        }

        // Export: the windows as CSV, from the same API answer, saying its windows and time zone.
        var download = await page.RunAndWaitForDownloadAsync(() => campaign.Locator("button[data-export]").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        await download.SaveAsAsync(HeadlessChromium.ArtifactPath("campaign-windows.csv"));
        Assert.StartsWith($"# campaign {spiking}; windows 1h by minute, 24h by hour, 30d by day; time zone UTC", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nwindow,bucket_size,bucket_start_utc,impression,", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n24h,hour,", csv, StringComparison.Ordinal);
        Assert.Contains("\r\n30d,day,", csv, StringComparison.Ordinal);

        // Phone width: the same page, one column.
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("campaign-insights-390.png"), FullPage = true });
        var tooWide = await page.EvaluateAsync<string[]>(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-scroll'))" +
            ".map(e => `${e.tagName.toLowerCase()}.${e.className?.baseVal ?? e.className} ${Math.round(e.getBoundingClientRect().right)}px`).slice(0, 5)");
        Assert.True(tooWide.Length == 0, $"at 390 px these reach past the screen: {string.Join("; ", tooWide)}");
        await page.SetViewportSizeAsync(1280, 1000);

        // Comparison, picked with the keyboard-reachable checkboxes: KPIs side by side, one line per campaign.
        await campaign.Locator("a[href^='#/compare/']").ClickAsync();
        await page.Locator($".picker input[value='{steady}']").CheckAsync();
        await page.Locator(".picker button[type=submit]").ClickAsync();
        var table = page.Locator($"table[data-compare='{spiking},{steady}']");
        await Assertions.Expect(table).ToBeVisibleAsync(Soon);
        await Assertions.Expect(table.Locator("thead th")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator($".compare polyline[data-series='{spiking}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($".compare polyline[data-series='{steady}']")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = HeadlessChromium.ArtifactPath("compare.png"), FullPage = true });

        // Export of the list, with both campaigns.
        await page.GotoAsync($"{fixture.BaseAddress}#/");
        var listDownload = await page.RunAndWaitForDownloadAsync(() => page.Locator("button[data-export='campaigns.csv']").ClickAsync());
        var listCsv = await File.ReadAllTextAsync(await listDownload.PathAsync());
        Assert.Contains("time zone UTC", listCsv.Split("\r\n")[0], StringComparison.Ordinal);
        Assert.Contains($"\r\n{spiking},", listCsv, StringComparison.Ordinal);
        Assert.Contains($"\r\n{steady},", listCsv, StringComparison.Ordinal);

        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task A_window_without_events_says_what_to_send_and_an_admin_key_edits_the_metadata_from_the_keyboard()
    {
        var campaign = Burst.Id("last-week");
        var threeHoursAgo = DateTime.UtcNow.AddHours(-3);
        await fixture.PostEventsAsync([.. Enumerable.Range(0, 12).Select(i => Events.Json(Burst.Id(campaign), "impression", $"u-{i}", campaign, threeHoursAgo.AddMinutes(i)))]);
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync($"{fixture.BaseAddress}?apiKey={KeyedSiloFixture.ReadKey}");
        await page.GotoAsync($"{fixture.BaseAddress}#/campaigns/{campaign}");

        // Nothing in the last hour: the charts say so and what to send; the day's window has the events.
        var charts = page.Locator(".window-charts .charts");
        await Assertions.Expect(charts.Locator(".empty")).ToContainTextAsync("POST /api/events", new() { Timeout = 10_000 });
        await page.Locator(".switch button[data-window='24h']").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(charts.Locator("svg[data-window='24h']")).ToHaveCountAsync(4);
        await Assertions.Expect(charts.Locator(".empty")).ToHaveCountAsync(0);

        // The read-only session cannot store metadata: the form asks for an admin key, then saves.
        var panel = page.Locator("[data-panel='metadata']");
        await panel.Locator("button[aria-expanded]").ClickAsync();
        await panel.Locator("#meta-name").FillAsync("Last week's teaser");
        await panel.Locator("#meta-brand").FillAsync("Initech");
        await panel.Locator("#meta-competitors").FillAsync("Globex, Hooli");
        await panel.Locator("#meta-brand").PressAsync("Enter");
        await Assertions.Expect(panel.Locator("#meta-admin-key")).ToBeVisibleAsync(Soon);
        await panel.Locator("#meta-admin-key").FillAsync(KeyedSiloFixture.FullKey);
        var saved = await page.RunAndWaitForResponseAsync(() => panel.Locator("#meta-admin-key").PressAsync("Enter"), r => r.Request.Method == "PUT");

        Assert.Equal(200, saved.Status);
        await Assertions.Expect(panel.Locator("[data-meta='competitors']")).ToHaveTextAsync("Globex, Hooli");
        using var http = fixture.Client(KeyedSiloFixture.ReadKey);
        var stored = await http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/campaigns/{campaign}");
        Assert.Equal("Initech", stored.GetProperty("metadata").GetProperty("brand").GetString());
        await Assertions.Expect(page.Locator("[data-panel='share-of-voice']")).ToContainTextAsync("Initech", new() { Timeout = 10_000 });
        Assert.Empty(scriptErrors);
    }
}
