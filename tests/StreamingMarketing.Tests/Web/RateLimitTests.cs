using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Tests.Web;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class RateLimitTests(KeyedSiloFixture fixture)
{
    [Fact]
    public async Task A_key_past_its_burst_gets_429_with_retry_after_while_other_keys_go_on()
    {
        using var limited = fixture.Client(KeyedSiloFixture.LimitedKey);
        using var other = fixture.Client(KeyedSiloFixture.ReadKey);

        // The limited key refills one permit per 100 s, so its burst is all it gets during this test.
        for (var i = 0; i < KeyedSiloFixture.LimitedBurst; i++)
        {
            using var allowed = await limited.GetAsync("/api/campaigns");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await limited.GetAsync("/api/campaigns");
        using var otherKey = await other.GetAsync("/api/campaigns");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Contains("'limited'", (await refused.Content.ReadFromJsonAsync<ErrorResponse>())!.Error);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }
}
