using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;
using StreamingMarketing.Benchmarks.Pipeline;
using StreamingMarketing.Client.Traffic;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Benchmarks.Cluster;

/// <summary>
/// <c>cluster</c>: events/s through the HTTP gateways of 1, 2 and 3 silo processes in the local-cluster profile
/// (Azurite: Azure Queue streams, Blob state written before each acknowledgement), beside one embedded silo process,
/// all with the same traffic in one run. Each configuration gets a fresh Azurite and fresh data dirs. Beside each rate it
/// prints the events carried per storage operation (read off the silos' metrics once the receivers' trailing writes
/// landed) and, for the local-cluster runs, the operations per second the same Azurite takes from raw SDK calls, kind
/// by kind: the first is what carries over to Azure Storage, where operations cost money and latency, the second says
/// where the emulator on these cores is the limit. Azurite runs at a raised priority (<c>--storage-nice</c>): it stands
/// in for a storage service on machines of its own, and several silos' thread pools would otherwise starve its single
/// event loop of a small machine's cores, so the curve would measure the emulator's scheduling, not the silos.
/// </summary>
public static class ClusterBench
{
    /// <summary>The user profiles' write interval (5 s) and a margin: the last receivers' writes land within it.</summary>
    private static readonly TimeSpan ReceiverWritesSettle = TimeSpan.FromSeconds(7);

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static async Task RunAsync(int events, int[] siloCounts, int storageNice)
    {
        var root = FindRepositoryRoot();
        var siloDll = Path.Combine(root, "silo", "bin", "Release", "net10.0", "StreamingMarketing.Silo.dll");
        var azurite = Path.Combine(root, "deploy", "local-cluster", "node_modules", ".bin", "azurite");
        if (!File.Exists(siloDll) || !File.Exists(azurite))
        {
            throw new InvalidOperationException($"Needs {siloDll} (dotnet build silo -c Release) and {azurite} (deploy/local-cluster/start-azurite.sh installs it).");
        }

        var table = new Table().AddColumns("configuration", "events", "seconds", "events/s", "× embedded", "events / storage op", "Azurite raw SDK ops/s");
        var results = new Dictionary<string, object>();
        var traffic = new TrafficGenerator(campaignCount: 50, userCount: 2_000, TrafficGenerator.LoadTweets(), withText: false, seed: 7);
        double? embedded = null;
        var configurations = siloCounts.Distinct().Order()
            .Select(count => (Name: $"local-cluster, {count} silo{(count == 1 ? "" : "s")}", Key: $"localCluster{count}", Silos: count, Profile: "local-cluster"))
            .Prepend(("embedded, 1 silo (SQLite, memory streams)", "embedded", 1, "embedded"));
        foreach (var (name, key, silos, profile) in configurations)
        {
            var batches = Enumerable.Range(0, events / 500).Select(_ => traffic.NextBatch(500)).ToList();
            var run = await MeasureAsync(siloDll, azurite, storageNice, silos, profile, batches);
            embedded ??= run.EventsPerSecond;
            var perOperation = events / (double)Math.Max(1, run.StorageOperations.Values.Sum());
            Console.WriteLine($"{name}: storage operations {string.Join(", ", run.StorageOperations.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:N0}"))}");
            table.AddRow(name, events.ToString("N0"), (events / run.EventsPerSecond).ToString("F1"), run.EventsPerSecond.ToString("N0"),
                (run.EventsPerSecond / embedded.Value).ToString("F3"), perOperation.ToString("F2"),
                run.Ceilings is null ? "–" : string.Join("\n", run.Ceilings.Select(c => $"{c.Key} {c.Value:N0}")));
            AnsiConsole.MarkupLine($"[grey]{name}: {run.EventsPerSecond:N0} events/s, {perOperation:F2} events per storage operation[/]");
            results[$"{key}EventsPerSec"] = Math.Round(run.EventsPerSecond);
            if (profile != "embedded")
            {
                results[$"{key}VsEmbedded"] = Math.Round(run.EventsPerSecond / embedded.Value, 4);
                results[$"{key}EventsPerStorageOperation"] = Math.Round(perOperation, 3);
                foreach (var (operation, rate) in run.Ceilings ?? [])
                {
                    results[$"{key}Azurite{string.Concat(operation.Split(' ', '(', ')').Select(w => w.Length > 0 ? char.ToUpperInvariant(w[0]) + w[1..] : w))}PerSec"] = Math.Round(rate);
                }
            }
        }

        var largest = siloCounts.Max();
        results["azuriteNice"] = storageNice;
        results["eventsPerStorageOperation"] = results[$"localCluster{largest}EventsPerStorageOperation"];
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]Azurite ran at niceness {storageNice} (--storage-nice; 0 shares the cores evenly with the silos).[/]");
        AnsiConsole.MarkupLine($"[grey]Reproduce: dotnet build silo -c Release && {BenchmarksApp.Name} cluster [[--events N]] [[--silos 1,2,3]] [[--storage-nice -10]][/]");
        Console.WriteLine(JsonSerializer.Serialize(results));
    }

    private sealed record ClusterRun(double EventsPerSecond, Dictionary<string, long> StorageOperations, Dictionary<string, double>? Ceilings);

    private static async Task<ClusterRun> MeasureAsync(string siloDll, string azurite, int storageNice, int siloCount, string profile, List<List<InteractionEvent>> batches)
    {
        var work = Path.Combine(Path.GetTempPath(), "sm-cluster-bench", Guid.NewGuid().ToString("N"));
        var (blob, queue, tableport) = (ChildProcess.FreePort(), ChildProcess.FreePort(), ChildProcess.FreePort());
        // nice runs Azurite at the asked priority, or at its own where it may not raise it (not root): it says so on stderr.
        using var storage = ChildProcess.Start("nice",
        [
            "-n", storageNice.ToString(CultureInfo.InvariantCulture), azurite, "--silent", "--skipApiVersionCheck", "--loose", "--location", Path.Combine(work, "azurite"),
            "--blobPort", blob.ToString(), "--queuePort", queue.ToString(), "--tablePort", tableport.ToString(),
        ]);
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
                         $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
                         $"TableEndpoint=http://127.0.0.1:{tableport}/devstoreaccount1;";
        var silos = new List<ChildProcess>();

        // Measured first, on the fresh Azurite alone: what it takes on this machine right now.
        var ceilings = profile == "embedded" ? null : await StorageOperations.CeilingsAsync(connection, concurrency: 8, TimeSpan.FromSeconds(2));
        var urls = new List<string>();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        try
        {
            for (var i = 0; i < siloCount; i++)
            {
                var url = $"http://127.0.0.1:{ChildProcess.FreePort()}";
                urls.Add(url);
                silos.Add(ChildProcess.Start("dotnet",
                [
                    siloDll, "--profile", profile, "--roles", "ingest", "--urls", url, "--data-dir", Path.Combine(work, $"silo{i}"),
                    "--silo-port", ChildProcess.FreePort().ToString(), "--gateway-port", ChildProcess.FreePort().ToString(),
                    "--Azure:StorageConnectionString", connection, "--Logging:LogLevel:Default", "Warning", "--Dashboard:Enabled", "false",
                ]));
                await WaitReadyAsync(http, url);
            }

            var expected = batches.Sum(b => b.Count);
            var stopwatch = Stopwatch.StartNew();
            var next = -1;
            await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (batch, ct) =>
            {
                var url = urls[Interlocked.Increment(ref next) % urls.Count];
                using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(batch, PipelineBenchmark.Wire));
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                (await http.PostAsync($"{url}/api/events", content, ct)).EnsureSuccessStatusCode();
            });
            var accepted = stopwatch.Elapsed;
            while (await CountedAsync(http, urls[0]) < expected)
            {
                await Task.Delay(100);
            }

            var rate = expected / stopwatch.Elapsed.TotalSeconds;
            Console.WriteLine($"{siloCount} {profile} silo(s): gateways accepted every event after {accepted.TotalSeconds:F1} s, campaigns counted them all after {stopwatch.Elapsed.TotalSeconds:F1} s");

            // Receivers write on their own interval after the counts: their writes belong to these events too.
            await Task.Delay(ReceiverWritesSettle);
            var operations = await StorageOperations.CountAsync(http, urls, queueOperations: profile != "embedded");
            return new ClusterRun(rate, operations, ceilings);
        }
        finally
        {
            silos.ForEach(silo => silo.Dispose());
        }
    }

    private static async Task<long> CountedAsync(HttpClient http, string url)
    {
        var list = await http.GetFromJsonAsync<JsonElement>($"{url}/api/campaigns?pageSize=500");
        return list.GetProperty("items").EnumerateArray().Sum(item => item.GetProperty("events").GetInt64());
    }

    private static async Task WaitReadyAsync(HttpClient http, string url)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await http.GetAsync($"{url}/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"silo at {url} never became ready");
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StreamingMarketing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the cluster benchmark from a clone of the repository.");
    }
}
