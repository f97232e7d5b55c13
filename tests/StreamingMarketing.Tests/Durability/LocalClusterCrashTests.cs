using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Durability;

/// <summary>
/// The durability promise, end to end: Azurite plus three silo processes in the local-cluster profile (Azure Queue
/// streams, Blob grain state, Table clustering); 20,000 events posted round-robin through their gateways; one silo
/// SIGKILLed after 40%; failed requests retried with the same eventIds on another gateway; the silo restarted; every
/// campaign's totals must equal the unique events exactly, nothing lost and nothing counted twice.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LocalClusterCrashTests
{
    private static readonly string[] Types = ["impression", "view", "like", "comment", "share", "click", "follow", "mention", "conversion"];

    [Fact]
    public async Task A_silo_killed_mid_load_loses_nothing_and_counts_nothing_twice()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var silos = Enumerable.Range(0, 3).Select(_ => new SiloProcess(
            FreePorts.Next(), FreePorts.Next(), FreePorts.Next(), RunningSilo.NewDataDir(),
            "--profile", "local-cluster", "--roles", "ingest",
            "--Azure:StorageConnectionString", azurite.ConnectionString,
            "--Logging:LogLevel:Default", "Warning")).ToArray();
        try
        {
            foreach (var silo in silos)
            {
                await silo.StartAsync(http);
            }

            var (batches, expected) = Workload(events: 20_000, batchSize: 500, campaigns: 50, users: 2_000);
            var victim = silos[2];
            for (var n = 0; n < batches.Count; n++)
            {
                if (n == batches.Count * 4 / 10)
                {
                    victim.Kill();
                }

                await PostWithRetriesAsync(http, silos, n, batches[n]);
            }

            await victim.StartAsync(http);

            var mismatches = new List<string>();
            var exact = await RunningSilo.EventuallyAsync(async () =>
            {
                mismatches = await MismatchesAsync(http, silos[0].Url, expected);
                return mismatches.Count == 0;
            }, TimeSpan.FromSeconds(90));

            Assert.True(exact, $"{mismatches.Count} campaigns differ, e.g. {string.Join("; ", mismatches.Take(3))}\n{silos[0].RecentOutput}");
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static (List<List<Dictionary<string, object?>>> Batches, Dictionary<string, long[]> Expected) Workload(int events, int batchSize, int campaigns, int users)
    {
        var random = new Random(2026);
        var run = Guid.NewGuid().ToString("N")[..8];
        var expected = new Dictionary<string, long[]>();
        var all = new List<Dictionary<string, object?>>(events);
        for (var i = 0; i < events; i++)
        {
            var type = random.Next(Types.Length);
            var campaign = $"crash-{run}-{random.Next(campaigns)}";
            all.Add(Events.Json($"{run}-{i}", Types[type], $"u{random.Next(users)}", campaign));
            (expected.TryGetValue(campaign, out var counts) ? counts : expected[campaign] = new long[Types.Length])[type]++;
        }

        return (all.Chunk(batchSize).Select(chunk => chunk.ToList()).ToList(), expected);
    }

    /// <summary>What a connector does: on a refused connection or a 5xx, send the same events to the next gateway.</summary>
    private static async Task PostWithRetriesAsync(HttpClient http, SiloProcess[] silos, int n, List<Dictionary<string, object?>> batch)
    {
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var url = silos[(n + attempt) % silos.Length].Url;
            try
            {
                var response = await http.PostAsJsonAsync($"{url}/api/events", batch);
                if (response.StatusCode == HttpStatusCode.OK && (await response.Content.ReadFromJsonAsync<IngestResponse>())!.Accepted == batch.Count)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException($"batch {n} was never accepted by any gateway");
    }

    private static async Task<List<string>> MismatchesAsync(HttpClient http, string url, Dictionary<string, long[]> expected)
    {
        var mismatches = new List<string>();
        foreach (var (campaign, counts) in expected)
        {
            try
            {
                var view = await http.GetFromJsonAsync<CampaignView>($"{url}/api/campaigns/{campaign}");
                var actual = Types.Select(t => view!.Totals[t]).ToArray();
                if (!actual.SequenceEqual(counts))
                {
                    mismatches.Add($"{campaign}: expected [{string.Join(',', counts)}] got [{string.Join(',', actual)}]");
                }
            }
            catch (HttpRequestException exception)
            {
                mismatches.Add($"{campaign}: {exception.Message}");
            }
        }

        return mismatches;
    }
}
