using System.Net;
using StreamingMarketing.Tests.Insights;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.Forecasting;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class ForecastScopeTests(KeyedSiloFixture fixture)
{
    [Fact]
    public async Task Reading_a_forecast_needs_a_key_with_the_read_scope()
    {
        using var reader = fixture.Client(KeyedSiloFixture.ReadKey);
        using var anonymous = fixture.Client();
        var path = $"/api/campaigns/{Burst.Id("scoped-fc")}/forecast";

        using var withKey = await reader.GetAsync(path);
        using var withoutKey = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, withKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }
}
