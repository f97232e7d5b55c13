using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Client.Bench;

/// <summary>
/// <c>bench [--quick] [--events N]</c>: the pipeline's throughput and lag beside its ceiling, measured in one run on one
/// embedded silo in this process. Ratios, not absolute numbers, are what carry across machines.
/// </summary>
public static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var events = ArgValue(args, "--events") ?? (quick ? 60_000 : 200_000);
        var dataDir = Path.Combine(Path.GetTempPath(), "sm-bench", Guid.NewGuid().ToString("N"));

        await using var app = await EmbeddedCluster.StartAsync(dataDir);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
        using var lag = new LagRecorder();
        var bench = new PipelineBenchmark(app.Services.GetRequiredService<EventPublisher>(), http, lag);
        var traffic = new TrafficGenerator(campaignCount: 200, userCount: 20_000, TrafficGenerator.LoadTweets(), withText: false);

        AnsiConsole.MarkupLine($"[grey]Embedded silo, {Environment.ProcessorCount} cores, {events:N0} events per phase, text-free traffic; warming up…[/]");
        List<List<InteractionEvent>> Requests(int size) => Enumerable.Range(0, events / size).Select(_ => traffic.NextBatch(size)).ToList();

        // Warm-up activates the campaign and user grains and JIT-compiles both paths; measured phases run warm.
        await bench.DirectAsync("warm-up", Requests(1_000), StreamNames.CampaignEvents);
        await bench.DirectAsync("warm-up", Requests(1_000), StreamNames.BenchmarkNoOp);

        var results = new List<BenchResult>
        {
            await bench.DirectAsync("ceiling: no-op subscriber, direct publish", Requests(1_000), StreamNames.BenchmarkNoOp),
            await bench.DirectAsync("pipeline, direct publish (batches of 1000)", Requests(1_000), StreamNames.CampaignEvents),
            await bench.HttpAsync("pipeline via HTTP, batches of 1000", Requests(1_000)),
            await bench.HttpAsync("pipeline via HTTP, batches of 100", Requests(100)),
        };

        await app.StopAsync();
        PrintTable(results);
        PrintSummary(results, quick);
        TryDelete(dataDir);
        return CommandLine.Ok;
    }

    private static void PrintTable(List<BenchResult> results)
    {
        var ceiling = results[0].EventsPerSecond;
        var table = new Table().AddColumns("phase", "events", "seconds", "events/s", "× ceiling", "lag p50 ms", "lag p99 ms");
        foreach (var r in results)
        {
            table.AddRow(r.Name, r.Events.ToString("N0"), r.Elapsed.TotalSeconds.ToString("F2"), r.EventsPerSecond.ToString("N0"),
                (r.EventsPerSecond / ceiling).ToString("F2"), Format(r.LagP50Ms), Format(r.LagP99Ms));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]Reproduce: dotnet run --project client -c Release -- bench [[--quick]] [[--events N]][/]");
    }

    private static void PrintSummary(List<BenchResult> results, bool quick)
    {
        var ceiling = results[0].EventsPerSecond;
        var summary = new Dictionary<string, object?>
        {
            ["quick"] = quick,
            ["cores"] = Environment.ProcessorCount,
            ["ceilingEventsPerSec"] = Math.Round(ceiling),
            ["pipelineEventsPerSec"] = Math.Round(results[1].EventsPerSecond),
            ["httpBatch1000EventsPerSec"] = Math.Round(results[2].EventsPerSecond),
            ["httpBatch100EventsPerSec"] = Math.Round(results[3].EventsPerSecond),
            ["pipelineVsCeiling"] = Math.Round(results[1].EventsPerSecond / ceiling, 3),
            ["httpVsCeiling"] = Math.Round(results[2].EventsPerSecond / ceiling, 3),
            ["httpBatch100VsCeiling"] = Math.Round(results[3].EventsPerSecond / ceiling, 3),
            ["lagP50Ms"] = Math.Round(results[1].LagP50Ms, 1),
            ["lagP99Ms"] = Math.Round(results[1].LagP99Ms, 1),
        };
        Console.WriteLine(JsonSerializer.Serialize(summary));
    }

    private static string Format(double ms) => double.IsNaN(ms) ? "–" : ms.ToString("F1", CultureInfo.InvariantCulture);

    private static int? ArgValue(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], out var value) ? value : null;
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
