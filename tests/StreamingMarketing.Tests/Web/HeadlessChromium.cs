using Microsoft.Playwright;

namespace StreamingMarketing.Tests.Web;

/// <summary>
/// Debian's Chromium driven by Playwright. Playwright's own browser downloads are never used (nothing outside is
/// reachable where the tests run): .ci/prepare installs <c>/usr/bin/chromium</c> from Debian.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright playwright;

    private HeadlessChromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<HeadlessChromium> LaunchAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: run .ci/prepare (it installs Debian's chromium package).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = Args });
        return new HeadlessChromium(playwright, browser);
    }

    /// <summary>The page's DOM once loaded, as <c>chromium --headless --dump-dom URL</c> prints it (no script driving it).</summary>
    public static async Task<string> DumpDomAsync(string url)
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: run .ci/prepare (it installs Debian's chromium package).");
        var start = new System.Diagnostics.ProcessStartInfo(ExecutablePath) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in Args.Append("--dump-dom").Append(url))
        {
            start.ArgumentList.Add(arg);
        }

        using var chromium = System.Diagnostics.Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var dom = chromium.StandardOutput.ReadToEndAsync(timeout.Token);
        _ = chromium.StandardError.ReadToEndAsync(timeout.Token);
        await chromium.WaitForExitAsync(timeout.Token);
        return await dom;
    }

    /// <summary>Where screenshots go: <c>artifacts/</c> in the test output directory.</summary>
    public static string ArtifactPath(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name);
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
