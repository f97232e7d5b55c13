using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using StreamingMarketing.Client;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.Cli;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class SendCommandTests(KeyedSiloFixture fixture) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sm-send-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string WriteFile(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private async Task<CampaignView?> CampaignWhenAsync(string campaign, Func<CampaignView, bool> condition)
    {
        using var http = fixture.Client(KeyedSiloFixture.ReadKey);
        CampaignView? view = null;
        await RunningSilo.EventuallyAsync(async () =>
        {
            using var response = await http.GetAsync($"/api/campaigns/{campaign}");
            view = response.IsSuccessStatusCode ? JsonSerializer.Deserialize<CampaignView>(await response.Content.ReadAsStringAsync(), JsonSerializerOptions.Web) : null;
            return view is not null && condition(view);
        });
        return view;
    }

    [Fact]
    public async Task Send_posts_an_ndjson_file_in_batches_of_at_most_1000()
    {
        var campaign = $"send-{Guid.NewGuid():N}";
        var lines = Enumerable.Range(0, 2_500).Select(i => JsonSerializer.Serialize(Events.Json($"{campaign}-{i}", "impression", $"u-{i % 40}", campaign)));
        var file = WriteFile("events.ndjson", string.Join('\n', lines) + "\n\n");

        var result = await Cli.RunAsync(fixture, KeyedSiloFixture.FullKey, "send", file);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("2,500 events: 2,500 accepted", result.Output);
        Assert.Equal(2_500, (await CampaignWhenAsync(campaign, v => v.Totals["impression"] == 2_500))!.Totals["impression"]);
    }

    [Fact]
    public async Task Send_reads_csv_with_quoted_commas_line_breaks_hashtags_and_values()
    {
        var campaign = $"csv-{Guid.NewGuid():N}";
        var now = Events.Iso(DateTime.UtcNow);
        var file = WriteFile("events.csv",
            "eventId,platform,type,userId,campaignId,timestamp,text,hashtags,value\n" +
            $"{campaign}-1,twitter,comment,u-1,{campaign},{now},\"Great, \"\"really\"\" great\nsee you\",Launch|sale,\n" +
            $"{campaign}-2,twitter,conversion,u-1,{campaign},{now},,,19.5\n");

        var result = await Cli.RunAsync(fixture, KeyedSiloFixture.FullKey, "send", file);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var view = await CampaignWhenAsync(campaign, v => v.Conversions == 1 && v.Totals["comment"] == 1);
        Assert.Equal(19.5, view!.ConversionValue);
        Assert.Equal(["launch", "sale"], view.TopHashtags.Select(t => t.Tag).Order());
    }

    [Fact]
    public async Task Rejected_events_are_listed_by_file_line_and_exit_1()
    {
        var campaign = $"bad-{Guid.NewGuid():N}";
        var good = JsonSerializer.Serialize(Events.Json($"{campaign}-1", "like", "u-1", campaign));
        var file = WriteFile("mixed.ndjson", $"{good}\n\n{{\"eventId\": \"{campaign}-2\", \"type\": \"likes\"}}\n");

        var result = await Cli.RunAsync(fixture, KeyedSiloFixture.FullKey, "send", file);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("1 accepted", result.Output);
        Assert.Contains("line 3:", result.Output);
    }

    [Fact]
    public async Task Send_with_the_read_only_key_exits_4_and_a_missing_file_exits_3()
    {
        var file = WriteFile("one.ndjson", JsonSerializer.Serialize(Events.Json("x-1", "like", "u-1", "c-1")));

        var denied = await Cli.RunAsync(fixture, KeyedSiloFixture.ReadKey, "send", file);
        var missing = await Cli.RunAsync(fixture, KeyedSiloFixture.FullKey, "send", Path.Combine(directory, "absent.ndjson"));

        Assert.Equal(ExitCodes.Denied, denied.ExitCode);
        Assert.Contains("lacks the 'ingest' scope", denied.Output);
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
    }

    [Fact]
    public async Task A_503_is_retried_with_exactly_the_same_events()
    {
        // A stand-in gateway that is saturated on the first try: the client must resend the same bytes (same eventIds).
        var bodies = new ConcurrentQueue<string>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var stub = builder.Build();
        stub.MapPost("/api/events", async (HttpRequest request) =>
        {
            bodies.Enqueue(await new StreamReader(request.Body).ReadToEndAsync());
            return bodies.Count == 1
                ? Results.Json(new { accepted = 0, duplicates = 0, rejected = 0, errors = Array.Empty<object>(), unpublished = 2 }, statusCode: 503)
                : Results.Json(new { accepted = 2, duplicates = 0, rejected = 0, errors = Array.Empty<object>() });
        });
        await stub.StartAsync();
        var file = WriteFile("two.ndjson", JsonSerializer.Serialize(Events.Json("r-1", "like", "u-1", "c-1")) + "\n" + JsonSerializer.Serialize(Events.Json("r-2", "like", "u-1", "c-1")));

        var result = await Cli.RunAsync("send", file, "--url", stub.Urls.First());

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("1 retried requests", result.Output);
        Assert.Equal(2, bodies.Count);
        Assert.Equal(bodies.First(), bodies.Last());
        Assert.Contains("\"r-1\"", bodies.First());
    }
}
