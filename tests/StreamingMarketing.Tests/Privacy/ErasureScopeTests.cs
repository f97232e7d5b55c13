using System.Net;
using StreamingMarketing.Tests.Insights;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.Privacy;

[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class ErasureScopeTests(KeyedSiloFixture fixture)
{
    [Fact]
    public async Task Erasing_and_reading_an_erasure_need_the_admin_scope()
    {
        using var reader = fixture.Client(KeyedSiloFixture.ReadKey);
        using var admin = fixture.Client(KeyedSiloFixture.FullKey);
        var user = Burst.Id("scoped-user");

        using var deniedUser = await reader.DeleteAsync($"/api/users/{user}");
        using var deniedPerson = await reader.DeleteAsync($"/api/people/{Burst.Id("p")}");
        using var allowed = await admin.DeleteAsync($"/api/users/{user}");
        var location = allowed.Headers.Location!.OriginalString;
        using var deniedStatus = await reader.GetAsync(location);
        using var status = await admin.GetAsync(location);

        Assert.Equal(HttpStatusCode.Forbidden, deniedUser.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deniedPerson.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deniedStatus.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }
}
