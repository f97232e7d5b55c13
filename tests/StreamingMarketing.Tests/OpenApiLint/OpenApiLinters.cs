using System.Diagnostics;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.OpenApiLint;

/// <summary>Redocly CLI and Spectral from this folder's node_modules (.ci/prepare installs them from package.json).</summary>
public static class OpenApiLinters
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => $"{Stdout}\n{Stderr}".Trim();
    }

    private static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "StreamingMarketing.Tests", "OpenApiLint");

    /// <summary>Redocly's recommended rules; JSON output, whose totals count errors and warnings.</summary>
    public static Task<Result> RedoclyAsync(string document) =>
        RunAsync("redocly", "lint", document, "--format=json");

    /// <summary>Spectral's OpenAPI ruleset (.spectral.yaml here); exits non-zero on any warning or error.</summary>
    public static Task<Result> SpectralAsync(string document) =>
        RunAsync("spectral", "lint", document, "--ruleset", Path.Combine(Folder, ".spectral.yaml"), "--fail-severity=warn");

    private static async Task<Result> RunAsync(string tool, params string[] args)
    {
        var path = Path.Combine(Folder, "node_modules", ".bin", tool);
        Assert.True(File.Exists(path), $"{path} is missing: run .ci/prepare (npm install in {Folder}).");
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Both tools otherwise phone home or print update banners.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
