using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Http;

[Trait("Category", "Functional")]
public sealed class RestartTests
{
    [Fact]
    public async Task A_clean_stop_and_restart_on_the_same_data_dir_gives_identical_numbers()
    {
        var dataDir = RunningSilo.NewDataDir();
        var random = new Random(11);
        var types = new[] { "impression", "view", "like", "click", "share", "conversion" };
        var tags = new[] { "sale", "summer", "launch" };
        var events = Enumerable.Range(0, 3_000).Select(i => Events.Json(
            $"restart-{i}", types[random.Next(types.Length)], $"u{random.Next(300)}", $"restart-c{random.Next(10)}",
            at: DateTime.UtcNow.AddMinutes(-random.Next(600)), hashtags: [tags[random.Next(tags.Length)]], value: 1)).ToList();
        var expected = Expected(events);

        await using (var silo = await RunningSilo.StartAsync(dataDir))
        {
            foreach (var chunk in events.Chunk(1_000))
            {
                var response = await silo.Http.PostAsJsonAsync("/api/events", chunk);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            // Stop right after the last POST: the clean stop itself must drain the streams, deliver every outbox
            // (users included) and write the state.
            await silo.StopAsync();
        }

        await using (var silo = await RunningSilo.StartAsync(dataDir))
        {
            Assert.Equal(expected, await SnapshotAsync(silo));
        }

        await using (var silo = await RunningSilo.StartAsync(dataDir))
        {
            Assert.Equal(expected, await SnapshotAsync(silo));
        }
    }

    /// <summary>What the snapshot must read, computed from the events sent.</summary>
    private static SortedDictionary<string, long> Expected(List<Dictionary<string, object?>> events)
    {
        var expected = new SortedDictionary<string, long>(StringComparer.Ordinal);
        void Add(string key) => expected[key] = expected.GetValueOrDefault(key) + 1;
        foreach (var e in events)
        {
            var campaign = (string)e["campaignId"]!;
            Add($"{campaign}:total:{e["type"]}");
            Add($"{campaign}:tag:{((string[])e["hashtags"]!)[0]}");
            if ((string)e["userId"]! == "u7")
            {
                Add($"u7:total:{e["type"]}");
            }
        }

        return expected;
    }

    private static async Task<SortedDictionary<string, long>> SnapshotAsync(RunningSilo silo)
    {
        var snapshot = new SortedDictionary<string, long>(StringComparer.Ordinal);
        for (var c = 0; c < 10; c++)
        {
            var campaign = $"restart-c{c}";
            var view = await silo.GetAsync<CampaignView>($"/api/campaigns/{campaign}");
            foreach (var (type, count) in view.Totals.Where(t => t.Value > 0))
            {
                snapshot[$"{campaign}:total:{type}"] = count;
            }

            foreach (var tag in view.TopHashtags)
            {
                snapshot[$"{campaign}:tag:{tag.Tag}"] = tag.Count;
            }
        }

        var user = await silo.GetAsync<UserView>("/api/users/u7");
        foreach (var (type, count) in user.Totals.Where(t => t.Value > 0))
        {
            snapshot[$"u7:total:{type}"] = count;
        }

        return snapshot;
    }
}
