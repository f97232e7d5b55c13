using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsCheck;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Tests.Http;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Fuzz;

/// <summary>
/// Property-based tests against the real host: generated batches of valid and hostile events, and generated bodies
/// that are not JSON at all. Never a 5xx; valid events in a batch with hostile ones are counted exactly.
/// </summary>
[Trait("Category", "Functional")]
public sealed class IngestFuzzTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private HttpClient Http => fixture.Silo.Http;

    [Fact]
    public async Task Valid_events_mixed_with_hostile_ones_are_accepted_and_counted_exactly_and_the_rest_rejected_with_a_message()
    {
        var expected = new Dictionary<string, int>();

        await Gen.Guid.Select(id => $"fuzz-{id:N}")
            .SelectMany(campaign => HostileTraffic.Batch(campaign).Select(batch => (campaign, batch.Batch, batch.Valid)))
            .SampleAsync(async sample =>
            {
                using var response = await Http.PostAsync("/api/events", new StringContent(sample.Batch.ToJsonString(), Encoding.UTF8, "application/json"));

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = (await response.Content.ReadFromJsonAsync<IngestResponse>())!;
                Assert.Equal(sample.Valid, body.Accepted);
                Assert.Equal(sample.Batch.Count - sample.Valid, body.Rejected);
                Assert.All(body.Errors, error => Assert.False(string.IsNullOrWhiteSpace(error.Error)));
                if (sample.Valid > 0)
                {
                    lock (expected)
                    {
                        expected[sample.campaign] = sample.Valid;
                    }
                }
            }, iter: 40, threads: 1);

        foreach (var (campaign, valid) in expected)
        {
            CampaignView? view = null;
            var counted = await RunningSilo.EventuallyAsync(async () =>
            {
                using var response = await Http.GetAsync($"/api/campaigns/{campaign}");
                Assert.True((int)response.StatusCode < 500, $"GET campaign answered {(int)response.StatusCode}");
                view = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<CampaignView>() : null;
                return view?.Totals.Values.Sum() == valid;
            });
            Assert.True(counted, $"campaign {campaign}: expected {valid} events, the view counts {view?.Totals.Values.Sum()}");
        }

        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/api/campaigns?pageSize=500")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Bodies_that_are_not_events_answer_a_4xx_with_a_message_never_a_5xx()
    {
        var garbage = Gen.OneOf(
            Gen.String[0, 200],
            Gen.Byte.Array[0, 200].Select(bytes => Encoding.Latin1.GetString(bytes)),
            Gen.OneOf("[", "{", "[{]", "[1,2,3]", "null", "\"text\"", "[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]", "{\"eventId\":\"x\"}\n{"));

        await Gen.Select(garbage, Gen.OneOf("application/json", "application/x-ndjson", "text/plain"))
            .SampleAsync(async (body, contentType) =>
            {
                using var response = await Http.PostAsync("/api/events", new StringContent(body, Encoding.UTF8, contentType));

                var status = (int)response.StatusCode;
                Assert.True(status < 500, $"{status} for body {JsonSerializer.Serialize(body)}");
                if (status >= 400)
                {
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.True(text.StartsWith('{') && JsonSerializer.Deserialize<ErrorResponse>(text, JsonSerializerOptions.Web)?.Error is { Length: > 0 },
                        $"{status} without a message ('{text}') for body {JsonSerializer.Serialize(body)} as {contentType}");
                }
            }, iter: 150, threads: 1);
    }

    [Fact]
    public async Task Hostile_paths_and_queries_on_the_read_side_never_answer_5xx()
    {
        var segment = Gen.String[0, 30].Select(Uri.EscapeDataString);

        await Gen.Select(Gen.OneOf("/api/campaigns/", "/api/users/", "/api/campaigns?page=", "/api/campaigns?pageSize=", "/api/trends?window="), segment)
            .SampleAsync(async (path, tail) =>
            {
                using var response = await Http.GetAsync(path + tail);

                Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {path}{tail}");
            }, iter: 150, threads: 1);
    }
}
