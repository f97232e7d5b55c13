using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Benchmarks.Alerts;
using StreamingMarketing.Benchmarks.Allocation;
using StreamingMarketing.Benchmarks.Cluster;
using StreamingMarketing.Benchmarks.CostCurve;
using StreamingMarketing.Benchmarks.Forecast;
using StreamingMarketing.Benchmarks.Micro;
using StreamingMarketing.Benchmarks.Pipeline;
using StreamingMarketing.Benchmarks.Report;
using StreamingMarketing.Benchmarks.Scorer;
using StreamingMarketing.CommandLine;

namespace StreamingMarketing.Benchmarks;

/// <summary>The benchmarks' command line: the end-to-end benches that print a table and a last JSON line, and the micro-benchmarks.</summary>
public static class BenchmarksApp
{
    public const string Name = "dotnet run -c Release --project tests/StreamingMarketing.Benchmarks --";

    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default) =>
        CommandLineApp.RunAsync(args, Name, console, AddCommands,
            ["exit codes: 0 ok, 1 failure, 2 usage", "The end-to-end benches end with one JSON line of their ratios, for scripts."],
            cancellationToken);

    private static void AddCommands(IConfigurator config)
    {
        config.AddCommand<PipelineCommand>("pipeline")
            .WithDescription("The pipeline and the scorer beside their ceilings, on an embedded silo in this process.")
            .WithExample("pipeline", "--quick");
        config.AddCommand<ScorerCommand>("scorer")
            .WithDescription("The pipeline bench's scorer phase alone (scorer vs raw ONNX Runtime), without the silo: about a minute.")
            .WithExample("scorer", "--repeats", "5");
        config.AddCommand<CostCurveCommand>("cost-curve")
            .WithDescription("Throughput and memory per user grain at 1k to 1M users.")
            .WithExample("cost-curve", "--max-users", "100000");
        config.AddCommand<ClusterCommand>("cluster")
            .WithDescription("local-cluster with 1, 2, 3 silo processes beside embedded (Azurite; needs dotnet build silo -c Release).");
        config.AddCommand<AllocationCommand>("allocation")
            .WithDescription("Traffic allocation beside a uniform split and beside A/B-test-then-winner: clicks lost over simulated campaigns.")
            .WithExample("allocation", "--campaigns", "500");
        config.AddCommand<ReportCommand>("report")
            .WithDescription("Runs the end-to-end benches (or reads their saved output) and writes docs/performance.md and README's headline table.")
            .WithExample("report", "--quick");
        config.AddCommand<ForecastCommand>("forecast")
            .WithDescription("The forecast on NAB's real tweet volumes (last day held out) beside seasonal naive: MAE and interval coverage.")
            .WithExample("forecast", "--days", "7");
        config.AddCommand<AlertsCommand>("alerts")
            .WithDescription("The volume-anomaly rule beside the volume-spike rule on NAB's labeled tweet series: windows caught, false alerts per week, NAB score.")
            .WithExample("alerts", "--coverage", "0.995");
        config.AddCommand<Recommend.RecommendCommand>("recommend")
            .WithDescription("The recommender on real tweets with synthetic tastes: held-out recall@10/NDCG@10 beside popularity, training time, serving latency.")
            .WithExample("recommend", "--users", "3000");
        config.AddCommand<MicroCommand>("micro")
            .WithDescription("BenchmarkDotNet micro-benchmarks of the hot paths; BenchmarkDotNet options after --.")
            .WithExample("micro", "--filter", "*");
    }
}
