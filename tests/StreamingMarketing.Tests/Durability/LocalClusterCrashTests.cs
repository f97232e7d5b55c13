using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Durability;

/// <summary>
/// The durability promise, end to end: Azurite plus three silo processes in the local-cluster profile (Azure Queue
/// streams, Blob grain state, Table clustering); 20,000 events posted round-robin through their gateways; one silo
/// SIGKILLed after 40%; failed requests retried with the same eventIds on another gateway; the silo restarted; every
/// campaign's and every user's totals must equal the unique events exactly, nothing lost and nothing counted twice.
/// Every eighth request is one heavy user's burst of 500 events, so a resend carries far more than any id memory.
/// </summary>
[Trait("Category", "Functional")]
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

            var (batches, expected, expectedUsers) = Workload(events: 20_000, batchSize: 500, campaigns: 50, users: 2_000);
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
                mismatches = await MismatchesAsync(http, silos[0].Url, "campaigns", expected);
                return mismatches.Count == 0;
            }, TimeSpan.FromSeconds(90));

            Assert.True(exact, $"{mismatches.Count} campaigns differ, e.g. {string.Join("; ", mismatches.Take(3))}\n{silos[0].RecentOutput}");

            var userMismatches = new List<string>();
            var usersExact = await RunningSilo.EventuallyAsync(async () =>
            {
                userMismatches = await MismatchesAsync(http, silos[0].Url, "users", expectedUsers);
                return userMismatches.Count == 0;
            }, TimeSpan.FromSeconds(90));

            Assert.True(usersExact, $"{userMismatches.Count} users differ, e.g. {string.Join("; ", userMismatches.Take(3))}\n{silos[0].RecentOutput}");
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static (List<List<Dictionary<string, object?>>> Batches, Dictionary<string, long[]> Campaigns, Dictionary<string, long[]> Users) Workload(
        int events, int batchSize, int campaigns, int users)
    {
        var random = new Random(2026);
        var run = Guid.NewGuid().ToString("N")[..8];
        var expectedCampaigns = new Dictionary<string, long[]>();
        var expectedUsers = new Dictionary<string, long[]>();
        var batches = new List<List<Dictionary<string, object?>>>();
        for (var i = 0; i < events; i += batchSize)
        {
            // Every eighth request is one page or bot posting a burst in one campaign.
            var heavy = batches.Count % 8 == 3;
            var heavyUser = $"{run}-heavy-{batches.Count}";
            var heavyCampaign = $"crash-{run}-{random.Next(campaigns)}";
            var batch = new List<Dictionary<string, object?>>(batchSize);
            for (var j = i; j < Math.Min(events, i + batchSize); j++)
            {
                var type = random.Next(Types.Length);
                var campaign = heavy ? heavyCampaign : $"crash-{run}-{random.Next(campaigns)}";
                var user = heavy ? heavyUser : $"{run}-u{random.Next(users)}";
                batch.Add(Events.Json($"{run}-{j}", Types[type], user, campaign));
                Count(expectedCampaigns, campaign, type);
                Count(expectedUsers, user, type);
            }

            batches.Add(batch);
        }

        return (batches, expectedCampaigns, expectedUsers);
    }

    private static void Count(Dictionary<string, long[]> expected, string key, int type) =>
        (expected.TryGetValue(key, out var counts) ? counts : expected[key] = new long[Types.Length])[type]++;

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

    /// <summary>The campaigns or users (<paramref name="resource"/>) whose totals differ from <paramref name="expected"/>.</summary>
    private static async Task<List<string>> MismatchesAsync(HttpClient http, string url, string resource, Dictionary<string, long[]> expected)
    {
        var mismatches = new List<string>();
        await Parallel.ForEachAsync(expected, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (pair, ct) =>
        {
            var (id, counts) = pair;
            string? mismatch = null;
            try
            {
                var totals = (await http.GetFromJsonAsync<TotalsOnly>($"{url}/api/{resource}/{id}", ct))!.Totals;
                var actual = Types.Select(t => totals.GetValueOrDefault(t)).ToArray();
                if (!actual.SequenceEqual(counts))
                {
                    mismatch = $"{id}: expected [{string.Join(',', counts)}] got [{string.Join(',', actual)}]";
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // A silo still recovering may answer late: this look counts it as differing, the next looks again.
                mismatch = $"{id}: {exception.Message}";
            }

            if (mismatch is not null)
            {
                lock (mismatches)
                {
                    mismatches.Add(mismatch);
                }
            }
        });

        return mismatches;
    }

    private sealed record TotalsOnly(Dictionary<string, long> Totals);
}
