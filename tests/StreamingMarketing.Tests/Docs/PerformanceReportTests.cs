using StreamingMarketing.Benchmarks.Report;

namespace StreamingMarketing.Tests.Docs;

public sealed class PerformanceReportTests
{
    private const string PipelineLine =
        """{"quick":true,"cores":2,"ceilingEventsPerSec":600000,"pipelineEventsPerSec":300000,"httpBatch1000EventsPerSec":120000,"httpBatch100EventsPerSec":110000,"pipelineVsCeiling":0.5,"httpVsCeiling":0.2,"httpBatch100VsCeiling":0.183,"lagP50Ms":107.2,"lagP99Ms":897.5,"scorerTextsPerSec":140,"rawOrtTextsPerSec":150,"scorerVsRawOrt":0.933,"executionProvider":"CPU"}""";

    private const string ScorerLine = """{"model":"sentiment-v6","cores":2,"repeats":5,"seconds":3,"ratios":[0.95,0.97,0.99,1.0,0.98],"scorerVsRawOrt":0.98}""";

    private const string CostCurveLine =
        """{"cores":2,"steps":[{"users":1000,"events":2000,"eventsPerSec":15000,"heapGrowthMiB":5.4,"bytesPerUserGrain":5650},{"users":10000,"events":20000,"eventsPerSec":16323,"heapGrowthMiB":54,"bytesPerUserGrain":5656}],"bytesPerUserGrain":5656}""";

    private const string ClusterLine =
        """{"embeddedEventsPerSec":20000,"localCluster1EventsPerSec":2900,"localCluster1VsEmbedded":0.145,"localCluster1EventsPerStorageOperation":6.35,"localCluster1AzuriteQueuePutsPerSec":500,"localCluster3EventsPerSec":2800,"localCluster3VsEmbedded":0.14,"localCluster3EventsPerStorageOperation":6.71,"azuriteNice":-10,"eventsPerStorageOperation":6.71}""";

    private static readonly MachineInfo Machine = new("Test CPU @ 2.0GHz", 2, 7.6, "Debian GNU/Linux 12", ".NET 10.0.0");

    private static List<BenchmarkRun> Runs() =>
    [
        new("pipeline", "pipeline --quick", BenchmarkRun.LastJsonLine("table\n" + PipelineLine + "\n")),
        new("scorer", "scorer", BenchmarkRun.LastJsonLine(ScorerLine)),
        new("cost-curve", "cost-curve --max-users 10000", BenchmarkRun.LastJsonLine(CostCurveLine)),
        new("cluster", "cluster --events 20000", BenchmarkRun.LastJsonLine(ClusterLine)),
    ];

    [Fact]
    public void Names_the_command_that_wrote_it_at_the_top()
    {
        var report = PerformanceReport.Render("dotnet run -c Release --project tests/StreamingMarketing.Benchmarks -- report --quick", Machine, "abc1234", Runs());

        var lines = report.Split('\n');
        Assert.Equal("# Performance", lines[0]);
        Assert.StartsWith("Written by `dotnet run -c Release --project tests/StreamingMarketing.Benchmarks -- report --quick`", lines[2]);
    }

    [Fact]
    public void Lists_the_machine_it_ran_on()
    {
        var report = PerformanceReport.Render("report", Machine, "abc1234", Runs());

        Assert.Contains("| CPU | Test CPU @ 2.0GHz |", report);
        Assert.Contains("| cores | 2 |", report);
        Assert.Contains("| memory | 7.6 GiB |", report);
        Assert.Contains("| .NET | .NET 10.0.0 |", report);
        Assert.Contains("| commit | `abc1234` |", report);
    }

    [Fact]
    public void Puts_each_figure_beside_its_baseline_and_ratio()
    {
        var report = PerformanceReport.Render("report", Machine, null, Runs());

        Assert.Contains("| pipeline, direct publish, batches of 1,000 (events/s) | 300,000 | ceiling 600,000 | **0.500** | 0.6 |", report);
        Assert.Contains("| scorer at 64 callers (texts/s, CPU) | 140 | raw ONNX Runtime 150 | **0.933** | 0.9 |", report);
        Assert.Contains("| 10,000 | 20,000 | 16,323 | 54.0 MiB | 5,656 |", report);
        Assert.Contains("| local-cluster, 3 silos (Azurite) | 2,800 | 0.140 | 6.71 |", report);
        Assert.Contains("0.950, 0.970, 0.990, 1.000, 0.980", report);
    }

    [Fact]
    public void Tabulates_azurites_own_rates_per_configuration()
    {
        var report = PerformanceReport.Render("report", Machine, null, Runs());

        Assert.Contains("| configuration | queue puts |", report);
        Assert.Contains("| local-cluster, 1 silo | 500 |", report);
    }

    [Fact]
    public void Says_where_figures_read_back_were_saved_from()
    {
        var report = PerformanceReport.Render("report --from DIR", Machine, null, Runs(), savedBy: "report --save DIR");

        Assert.Contains("as `report --save DIR` saved it", report);
    }

    [Fact]
    public void Gives_the_command_that_reproduces_each_bench()
    {
        var report = PerformanceReport.Render("report", Machine, null, Runs());

        Assert.Contains("Reproduce: `dotnet run -c Release --project tests/StreamingMarketing.Benchmarks -- pipeline --quick`", report);
        Assert.Contains("Reproduce: `dotnet run -c Release --project tests/StreamingMarketing.Benchmarks -- scorer`", report);
        Assert.Contains("Reproduce: `dotnet run -c Release --project tests/StreamingMarketing.Benchmarks -- cost-curve --max-users 10000`", report);
        Assert.Contains("Reproduce: `dotnet run -c Release --project tests/StreamingMarketing.Benchmarks -- cluster --events 20000`", report);
    }

    [Fact]
    public void Says_why_a_bench_has_no_figures_instead_of_inventing_them()
    {
        var report = PerformanceReport.Render("report", null, null, [new BenchmarkRun("cluster", "cluster --events 20000", null, "it exited with code 1 without a JSON line")]);

        Assert.Contains("Not measured in this report: it exited with code 1 without a JSON line.", report);
        Assert.Contains("Not recorded", report);
        Assert.Contains("| (no figures) | | | | |", report);
    }

    [Fact]
    public void Takes_the_last_json_line_of_a_benchs_output()
    {
        var figures = BenchmarkRun.LastJsonLine("{\"a\":1}\nsome table\n{not json\n{\"scorerVsRawOrt\":0.9}\n\n");

        Assert.NotNull(figures);
        Assert.Equal(0.9, figures["scorerVsRawOrt"]!.GetValue<double>());
        Assert.Null(BenchmarkRun.LastJsonLine("no json here"));
    }

    [Fact]
    public void Rewrites_only_the_readme_block_between_the_markers()
    {
        var readme = $"# Title\n\nintro\n{PerformanceReport.HeadlineBegin}\n| old |\n{PerformanceReport.HeadlineEnd}\n\nafter\n";

        var rewritten = PerformanceReport.ReplaceHeadline(readme, PerformanceReport.Headline(Runs()));

        Assert.StartsWith("# Title\n\nintro\n" + PerformanceReport.HeadlineBegin + "\n| figure |", rewritten);
        Assert.EndsWith(PerformanceReport.HeadlineEnd + "\n\nafter\n", rewritten);
        Assert.DoesNotContain("| old |", rewritten);
        Assert.Contains("| pipeline, events/s (embedded silo) | 300,000 | 600,000 (no-op subscriber) | 0.500 | 0.6 |", rewritten);
        Assert.Equal("no markers", PerformanceReport.ReplaceHeadline("no markers", "| x |"));
    }
}
