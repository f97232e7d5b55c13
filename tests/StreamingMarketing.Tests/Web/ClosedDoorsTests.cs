using System.Net;
using System.Net.Http.Headers;

namespace StreamingMarketing.Tests.Web;

/// <summary>With keys configured nothing but the health probes and the page shell answers a caller without a key.</summary>
[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class ClosedDoorsTests(KeyedSiloFixture fixture)
{
    [Theory]
    [InlineData("/metrics")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/ClusterStats")]
    [InlineData("/dashboard/Trace")]
    [InlineData("/api/campaigns")]
    public async Task Operational_endpoints_answer_401_without_a_key(string path)
    {
        using var http = fixture.Client();

        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/ClusterStats")]
    public async Task The_orleans_dashboard_needs_the_admin_scope(string path)
    {
        using var reader = fixture.Client(KeyedSiloFixture.ReadKey);
        using var admin = fixture.Client(KeyedSiloFixture.FullKey);

        using var refused = await reader.GetAsync(path);
        using var shown = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
    }

    [Fact]
    public async Task Metrics_answer_a_bearer_key_with_the_metrics_scope_and_refuse_a_read_key()
    {
        using var prometheus = fixture.Client();
        prometheus.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", KeyedSiloFixture.MetricsKey);
        using var reader = fixture.Client(KeyedSiloFixture.ReadKey);

        using var scrape = await prometheus.GetAsync("/metrics");
        using var refused = await reader.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task The_metrics_key_reads_no_data()
    {
        using var prometheus = fixture.Client(KeyedSiloFixture.MetricsKey);

        using var response = await prometheus.GetAsync("/api/campaigns");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
