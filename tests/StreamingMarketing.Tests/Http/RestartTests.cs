using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Http;

public sealed class RestartTests
{
    [Fact]
    public async Task A_clean_stop_and_restart_on_the_same_data_dir_gives_identical_numbers()
    {
        var dataDir = RunningSilo.NewDataDir();
        var random = new Random(11);
        var types = new[] { "impression", "view", "like", "click", "share", "conversion" };
        var events = Enumerable.Range(0, 3_000).Select(i => Events.Json(
            $"restart-{i}", types[random.Next(types.Length)], $"u{random.Next(300)}", $"restart-c{random.Next(10)}",
            at: DateTime.UtcNow.AddMinutes(-random.Next(600)), value: 1)).ToList();

        Dictionary<string, string> before;
        await using (var silo = await RunningSilo.StartAsync(dataDir))
        {
            foreach (var chunk in events.Chunk(1_000))
            {
                var response = await silo.Http.PostAsJsonAsync("/api/events", chunk);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            // Stop right after the last POST: the clean stop itself must drain the streams and write the state.
            await silo.StopAsync();
        }

        await using (var silo = await RunningSilo.StartAsync(dataDir))
        {
            before = await SnapshotAsync(silo);
            Assert.Equal(3_000, SumTotals(before));
        }

        await using (var silo = await RunningSilo.StartAsync(dataDir))
        {
            Assert.Equal(before, await SnapshotAsync(silo));
        }
    }

    private static long SumTotals(Dictionary<string, string> snapshot) =>
        snapshot.Where(pair => pair.Key.StartsWith("total:", StringComparison.Ordinal)).Sum(pair => long.Parse(pair.Value));

    private static async Task<Dictionary<string, string>> SnapshotAsync(RunningSilo silo)
    {
        var snapshot = new Dictionary<string, string>();
        for (var c = 0; c < 10; c++)
        {
            var view = await silo.GetAsync<CampaignView>($"/api/campaigns/restart-c{c}");
            foreach (var (type, count) in view.Totals)
            {
                snapshot[$"total:{c}:{type}"] = count.ToString();
            }

            snapshot[$"users:{c}"] = view.UniqueUsers.ToString();
            snapshot[$"value:{c}"] = view.ConversionValue.ToString("R");
        }

        var user = await silo.GetAsync<UserView>("/api/users/u7");
        snapshot["user:u7"] = string.Join(',', user.Totals.Select(t => $"{t.Key}={t.Value}"));
        return snapshot;
    }
}
