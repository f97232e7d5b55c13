using System.Net;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.Recommend;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class RecommendationScopeTests(KeyedSiloFixture fixture)
{
    [Fact]
    public async Task Reading_recommendations_needs_a_key_with_the_read_scope()
    {
        using var reader = fixture.Client(KeyedSiloFixture.ReadKey);
        using var anonymous = fixture.Client();
        var path = $"/api/users/scoped-{Guid.NewGuid():N}/recommendations";

        using var withKey = await reader.GetAsync(path);
        using var withoutKey = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, withKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutKey.StatusCode);
    }
}
