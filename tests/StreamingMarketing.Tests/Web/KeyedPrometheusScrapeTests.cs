using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Observability;

namespace StreamingMarketing.Tests.Web;

/// <summary>A real Prometheus scrapes a silo whose keys are on, the way deploy/prometheus/prometheus.yml does: a bearer key from a file.</summary>
[Collection(KeyedSiloCollection.Name)]
[Trait("Category", "Functional")]
public sealed class KeyedPrometheusScrapeTests(KeyedSiloFixture fixture)
{
    [Fact]
    public async Task Prometheus_scrapes_a_keyed_silo_with_the_metrics_key_from_a_file()
    {
        var keyFile = Path.Combine(Directory.CreateTempSubdirectory("sm-metrics-key-").FullName, RepositoryFiles.MetricsKeyFile);
        await File.WriteAllTextAsync(keyFile, KeyedSiloFixture.MetricsKey);
        await using var prometheus = await PrometheusServer.StartAsync($$"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: silo
                authorization:
                  type: Bearer
                  credentials_file: {{RepositoryFiles.MetricsKeyFile}}
                static_configs:
                  - targets: ["{{fixture.BaseAddress.Authority}}"]
            """, new Dictionary<string, string> { [RepositoryFiles.MetricsKeyFile] = keyFile });

        // up is 0 for a scrape the silo refuses (401), 1 once one succeeds.
        var scraped = await RunningSilo.EventuallyAsync(
            async () => await prometheus.ScalarAsync("up{job=\"silo\"}") == 1, TimeSpan.FromSeconds(60));

        Assert.True(scraped, $"Prometheus never scraped the keyed silo.\n{prometheus.Log}");
    }
}
