using System.Net;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Web;

/// <summary>A key may hold only so many event streams open; closing one frees its slot.</summary>
[Trait("Category", "Functional")]
public sealed class LiveStreamLimitTests
{
    private const string Key = "streams-4f1e8a";

    [Fact]
    public async Task One_stream_past_the_cap_is_a_429_and_closing_one_lets_the_next_in()
    {
        await using var silo = await RunningSilo.StartAsync(extraArgs:
        [
            "--Auth:ApiKeys:0:Name", "viewer", "--Auth:ApiKeys:0:Key", Key, "--Auth:ApiKeys:0:Scopes", "read", "--Live:MaxStreamsPerKey", "2",
        ]);
        using var http = new HttpClient { BaseAddress = silo.Http.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var first = await http.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead);
        using var second = await http.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead);
        using var refused = await http.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead);
        first.Dispose();
        var reopened = await RunningSilo.EventuallyAsync(async () =>
        {
            using var again = await http.GetAsync("/api/live", HttpCompletionOption.ResponseHeadersRead);
            return again.StatusCode == HttpStatusCode.OK;
        });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(reopened, "closing a stream never gave its slot back");
    }
}
