using System.Text.RegularExpressions;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Docs;

/// <summary>README.md is the user's manual: short, with a picture of the dashboard, today's facts and no lab notebook.</summary>
public sealed partial class ReadmeTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    [Fact]
    public void Is_at_most_250_lines()
    {
        Assert.InRange(Readme.Split('\n').Length, 1, 250);
    }

    [Fact]
    public void Shows_the_dashboard()
    {
        Assert.Contains("](docs/dashboard.png)", Readme);
        Assert.True(new FileInfo(Path.Combine(RepositoryPaths.Root, "docs", "dashboard.png")).Length > 10_000);
    }

    [Fact]
    public void Keeps_the_run_and_test_commands()
    {
        Assert.Contains("`dotnet run --project silo -c Release`", Readme);
        Assert.Contains("`.ci/run`", Readme);
    }

    [Fact]
    public void Links_the_manual_pages()
    {
        foreach (var page in new[] { "docs/api.md", "docs/insights.md", "docs/configuration.md", "docs/design.md", "docs/performance.md", "deploy/README.md" })
        {
            Assert.Contains($"]({page}", Readme);
        }
    }

    [Theory]
    [MemberData(nameof(ManualPages))]
    public void Carries_no_dated_readings_or_narrated_history(string page)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, page));

        Assert.DoesNotMatch(DatedReading(), text);
        Assert.DoesNotMatch(Narration(), text);
    }

    [Fact]
    public void The_performance_report_names_the_command_that_wrote_it()
    {
        var report = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "docs", "performance.md"));

        Assert.StartsWith("Written by `dotnet run -c Release --project tests/StreamingMarketing.Benchmarks -- report", report[2]);
    }

    public static TheoryData<string> ManualPages() =>
        new(["README.md", "docs/api.md", "docs/design.md", "docs/configuration.md", "deploy/README.md", "client/README.md", "sentiment/README.md", "training/README.md"]);

    [GeneratedRegex(@"\b20\d\d-\d\d-\d\d\b")]
    private static partial Regex DatedReading();

    [GeneratedRegex(@"(?i)\b(before/after|old code|new code|on a later|later, slower day|the same morning|measurement fix|before the fix|after the fix)\b")]
    private static partial Regex Narration();
}
