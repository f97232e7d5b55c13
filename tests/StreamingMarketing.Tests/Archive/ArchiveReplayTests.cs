using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using StreamingMarketing.Archive.Reading;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Client;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Tests.Infrastructure;
using CliRunner = StreamingMarketing.Tests.Cli.Cli;

namespace StreamingMarketing.Tests.Archive;

/// <summary>The real silo archives what it counts, once; the client's replay rebuilds a fresh silo's numbers from that archive.</summary>
[Trait("Category", "Functional")]
public sealed class ArchiveReplayTests
{
    private const int Campaigns = 4;
    private static readonly string[] Types = ["impression", "view", "like", "comment", "share", "click", "conversion"];
    private static readonly string[] Tags = ["sale", "summer", "launch", "promo"];
    private static readonly string[] Texts = ["love this so much", "worst service ever", "it arrived on tuesday", "great colours, thanks!", "meh"];

    private static List<Dictionary<string, object?>> Traffic(string prefix, int count, int seed)
    {
        var random = new Random(seed);
        var now = DateTime.UtcNow;
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var type = Types[random.Next(Types.Length)];
            // Well inside the 1h and 24h windows' edges, so a silo started seconds later puts each event in the same windows.
            var at = random.Next(2) == 0 ? now.AddMinutes(-5 - random.Next(40)) : now.AddHours(-2 - random.Next(18));
            var e = Events.Json($"{prefix}-{i}", type, $"{prefix}-u{random.Next(150)}", $"{prefix}-c{random.Next(Campaigns)}", at: at,
                text: type == "comment" ? Texts[random.Next(Texts.Length)] : null, hashtags: [Tags[random.Next(Tags.Length)]],
                value: type == "conversion" ? random.Next(1, 50) : null);
            e["postId"] = $"{prefix}-p{random.Next(30)}";
            return e;
        })];
    }

    private static async Task PostAsync(RunningSilo silo, IEnumerable<Dictionary<string, object?>> events)
    {
        foreach (var chunk in events.Chunk(500))
        {
            var response = await silo.Http.PostAsJsonAsync("/api/events", chunk);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task Every_accepted_event_is_archived_once_resends_and_repeats_included()
    {
        var prefix = $"arch{Guid.NewGuid():N}"[..12];
        var events = Traffic(prefix, 1_200, seed: 5);
        var silo = await RunningSilo.StartAsync();
        try
        {
            await PostAsync(silo, events);
            // A connector that timed out sends its batch again; another repeats events inside one request.
            await PostAsync(silo, events.Take(300));
            await PostAsync(silo, [events[7], events[7], events[8]]);
            await silo.StopAsync();
        }
        finally
        {
            await silo.DisposeAsync();
        }

        var reader = new ArchiveReader(new FileArchiveStore(Path.Combine(silo.DataDir, "archive")));
        var archived = new List<string>();
        await foreach (var row in reader.ReadAsync(ArchiveQuery.All))
        {
            archived.Add(row.EventId);
        }

        Assert.Equal(events.Select(e => (string)e["eventId"]!).Order(StringComparer.Ordinal), archived.Order(StringComparer.Ordinal));
        Assert.Empty(reader.Stats.TornSegments);
        Assert.Equal(0, reader.Stats.Duplicates);
    }

    [Fact]
    public async Task Replay_into_a_fresh_silo_rebuilds_identical_campaign_and_user_numbers()
    {
        var prefix = $"rep{Guid.NewGuid():N}"[..12];
        var events = Traffic(prefix, 3_000, seed: 17);
        var comments = events.Where(e => (string)e["type"]! == "comment").GroupBy(e => (string)e["campaignId"]!).ToDictionary(g => g.Key, g => (long)g.Count());
        string sourceDir;
        SortedDictionary<string, string> original;
        await using (var source = await RunningSilo.StartAsync())
        {
            sourceDir = source.DataDir;
            await PostAsync(source, events);
            await PostAsync(source, events.Take(500));
            original = await SettledSnapshotAsync(source, prefix, comments);
            await source.StopAsync();
        }

        await using var fresh = await RunningSilo.StartAsync();
        var result = await CliRunner.RunAsync("replay", "--data-dir", sourceDir, "--url", fresh.Http.BaseAddress!.ToString().TrimEnd('/'));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        Assert.Contains("3,000 events", result.Output);
        var rebuilt = await SettledSnapshotAsync(fresh, prefix, comments);
        Assert.Equal(original, rebuilt);

        // Replaying again changes nothing: every event is dropped as already counted.
        Assert.Equal(ExitCodes.Ok, (await CliRunner.RunAsync("replay", "--data-dir", sourceDir, "--url", fresh.Http.BaseAddress!.ToString().TrimEnd('/'))).ExitCode);
        Assert.Equal(original, await SettledSnapshotAsync(fresh, prefix, comments));
    }

    [Fact]
    public async Task Replay_of_one_campaign_and_time_range_sends_only_those_events()
    {
        var prefix = $"rng{Guid.NewGuid():N}"[..12];
        var events = Traffic(prefix, 600, seed: 3);
        string sourceDir;
        await using (var source = await RunningSilo.StartAsync())
        {
            sourceDir = source.DataDir;
            await PostAsync(source, events);
            await source.StopAsync();
        }

        var from = DateTime.UtcNow.AddHours(-1);
        var campaign = $"{prefix}-c1";
        var expected = events.Count(e => (string)e["campaignId"]! == campaign && DateTime.Parse((string)e["timestamp"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal) >= from);
        await using var fresh = await RunningSilo.StartAsync();

        var result = await CliRunner.RunAsync("replay", "--data-dir", sourceDir, "--campaign", campaign, "--from", Events.Iso(from), "--url", fresh.Http.BaseAddress!.ToString().TrimEnd('/'));

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        Assert.Contains($"{expected:N0} events", result.Output);
        Assert.Equal(HttpStatusCode.NotFound, (await fresh.Http.GetAsync($"/api/campaigns/{prefix}-c0")).StatusCode);
    }

    [Fact]
    public async Task Replay_without_an_archive_says_so()
    {
        var result = await CliRunner.RunAsync("replay", "--data-dir", RunningSilo.NewDataDir());

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("No archive", result.Output);
    }

    [Fact]
    public async Task Replay_needs_exactly_one_archive()
    {
        var result = await CliRunner.RunAsync("replay");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("--data-dir DIR or --container NAME", result.Output);
    }

    /// <summary>
    /// Each campaign's and its users' numbers, once every comment is scored and the user profiles caught up; floating
    /// sums rounded, since their order of addition may differ between runs.
    /// </summary>
    private static async Task<SortedDictionary<string, string>> SettledSnapshotAsync(RunningSilo silo, string prefix, Dictionary<string, long> comments)
    {
        SortedDictionary<string, string> snapshot = [];
        SortedDictionary<string, string>? previous = null;
        var settled = await RunningSilo.EventuallyAsync(async () =>
        {
            snapshot = await SnapshotAsync(silo, prefix, comments);
            var stable = previous is not null && snapshot.SequenceEqual(previous) && !snapshot.ContainsKey("pending");
            previous = snapshot;
            return stable;
        }, TimeSpan.FromSeconds(60));
        Assert.True(settled, "the silo's numbers did not settle");
        return snapshot;
    }

    private static async Task<SortedDictionary<string, string>> SnapshotAsync(RunningSilo silo, string prefix, Dictionary<string, long> comments)
    {
        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < Campaigns; c++)
        {
            var id = $"{prefix}-c{c}";
            using var response = await silo.Http.GetAsync($"/api/campaigns/{id}");
            if (!response.IsSuccessStatusCode)
            {
                snapshot["pending"] = id;
                continue;
            }

            var view = (await response.Content.ReadFromJsonAsync<CampaignView>())!;
            var s = view.Sentiment;
            if (s.Positive + s.Neutral + s.Negative + s.Unscored != comments.GetValueOrDefault(id) || s.Pending > 0)
            {
                snapshot["pending"] = id;
            }

            snapshot[$"{id}:totals"] = Json(view.Totals.OrderBy(t => t.Key));
            snapshot[$"{id}:platforms"] = Json(view.Platforms.OrderBy(t => t.Key));
            snapshot[$"{id}:kpis"] = Json(new { view.UniqueUsers, view.Conversions, view.ConversionValue, Engagement = Math.Round(view.EngagementRate, 9), Ctr = Math.Round(view.Ctr, 9), view.FirstEventAt, view.LastEventAt });
            snapshot[$"{id}:windows"] = Json(view.Windows.OrderBy(w => w.Key).Select(w => new { w.Key, Totals = w.Value.Totals.OrderBy(t => t.Key) }));
            snapshot[$"{id}:sentiment"] = Json(new { s.Positive, s.Neutral, s.Negative, s.Unscored, Mean = s.MeanScore is { } m ? Math.Round(m, 6) : (double?)null });
            snapshot[$"{id}:hashtags"] = Json(view.TopHashtags.OrderBy(t => t.Tag));
            snapshot[$"{id}:posts"] = Json(view.TopPosts.OrderBy(p => p.PostId));
        }

        for (var u = 0; u < 150; u += 7)
        {
            using var response = await silo.Http.GetAsync($"/api/users/{prefix}-u{u}");
            if (response.IsSuccessStatusCode)
            {
                var user = (await response.Content.ReadFromJsonAsync<UserView>())!;
                snapshot[$"u{u}:totals"] = Json(user.Totals.OrderBy(t => t.Key));
                snapshot[$"u{u}:campaigns"] = Json(user.Campaigns.Count);
            }
        }

        return snapshot;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
