using System.Text.Json;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Web;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class LiveStreamTests(KeyedSiloFixture fixture)
{
    /// <summary>Reads Server-Sent Events until one of <paramref name="type"/> satisfies <paramref name="accept"/>.</summary>
    private static async Task<JsonElement> NextEventAsync(StreamReader reader, string type, Func<JsonElement, bool> accept)
    {
        string? eventType = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventType = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventType == type)
            {
                var data = JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone();
                if (accept(data))
                {
                    return data;
                }
            }
        }

        throw new EndOfStreamException($"The stream ended before a '{type}' event came.");
    }

    [Fact]
    public async Task The_campaign_stream_says_missing_then_pushes_the_campaign_and_its_changes()
    {
        var campaign = $"live-{Guid.NewGuid():N}";
        using var http = fixture.Client(KeyedSiloFixture.ReadKey);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await http.GetAsync($"/api/campaigns/{campaign}/live", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        await NextEventAsync(reader, "missing", _ => true);
        await fixture.PostEventsAsync(Events.Json($"e-{Guid.NewGuid():N}", "impression", "u-1", campaign));
        var first = await NextEventAsync(reader, "campaign", _ => true);
        await fixture.PostEventsAsync(Events.Json($"e-{Guid.NewGuid():N}", "like", "u-2", campaign), Events.Json($"e-{Guid.NewGuid():N}", "click", "u-2", campaign));
        var later = await NextEventAsync(reader, "campaign", c => c.GetProperty("totals").GetProperty("click").GetInt64() == 1);

        Assert.Equal(campaign, first.GetProperty("campaignId").GetString());
        Assert.Equal(1, later.GetProperty("totals").GetProperty("like").GetInt64());
        Assert.Equal(2, later.GetProperty("uniqueUsers").GetInt64());
    }

    [Fact]
    public async Task The_list_stream_pushes_the_campaign_list_as_the_rest_answer_shapes_it()
    {
        var campaign = $"live-list-{Guid.NewGuid():N}";
        await fixture.PostEventsAsync(Events.Json($"e-{Guid.NewGuid():N}", "impression", "u-1", campaign));
        using var http = fixture.Client(KeyedSiloFixture.ReadKey);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await http.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));

        var list = await NextEventAsync(reader, "campaigns",
            l => l.GetProperty("items").EnumerateArray().Any(c => c.GetProperty("campaignId").GetString() == campaign));

        Assert.True(list.GetProperty("total").GetInt32() >= 1);
    }
}
