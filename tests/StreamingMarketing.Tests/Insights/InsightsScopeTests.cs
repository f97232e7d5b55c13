using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.Insights;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class InsightsScopeTests(KeyedSiloFixture fixture)
{
    [Fact]
    public async Task Reading_insights_needs_the_read_scope_and_describing_a_campaign_needs_admin()
    {
        using var reader = fixture.Client(KeyedSiloFixture.ReadKey);
        using var admin = fixture.Client(KeyedSiloFixture.FullKey);
        var campaign = Burst.Id("scoped");

        using var trends = await reader.GetAsync("/api/trends?window=1h");
        using var alerts = await reader.GetAsync("/api/alerts");
        using var denied = await reader.PutAsJsonAsync($"/api/campaigns/{campaign}", new { name = "x" });
        using var allowed = await admin.PutAsJsonAsync($"/api/campaigns/{campaign}", new { name = "x" });
        using var influencers = await reader.GetAsync($"/api/campaigns/{campaign}/influencers");

        Assert.Equal(HttpStatusCode.OK, trends.StatusCode);
        Assert.Equal(HttpStatusCode.OK, alerts.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, influencers.StatusCode);
    }
}
