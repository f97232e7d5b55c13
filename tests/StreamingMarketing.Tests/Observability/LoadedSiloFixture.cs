using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Observability;

/// <summary>
/// One real silo host (the one <c>dotnet run --project silo</c> starts) that has taken traffic and applied it, so its
/// <c>/metrics</c> shows the pipeline's series and not only the ingest side's. On first request it also starts a real
/// Prometheus server scraping that silo while traffic keeps flowing, shared by the tests that read through it.
/// </summary>
public sealed class LoadedSiloFixture : IAsyncLifetime
{
    private readonly Lazy<Task<PrometheusServer>> prometheus;
    private BackgroundLoad? load;

    public LoadedSiloFixture() => prometheus = new(StartPrometheusAsync);

    public RunningSilo Silo { get; private set; } = null!;
    public Traffic Traffic { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Silo = await RunningSilo.StartAsync();
        Traffic = new Traffic(Silo.Http);
        for (var i = 0; i < 5; i++)
        {
            await Traffic.PostRoundAsync();
        }

        // Events are applied asynchronously, state is written by a grain timer and readiness published by a timer:
        // wait until all three show, every readiness check passing (the model loads after the host starts, and a
        // Prometheus started before it would see the model check fail and hold the readiness alert pending).
        var applied = await RunningSilo.EventuallyAsync(async () =>
        {
            var scrape = await ScrapeAsync();
            var readiness = scrape.Samples.Where(sample => sample.Name == "streamingmarketing_health_check_status").ToList();
            return scrape.Sum("streamingmarketing_events_applied_total") > 0
                && scrape.Sum("streamingmarketing_grain_state_write_duration_seconds_count") > 0
                && readiness.Count > 0 && readiness.All(check => check.Value == 1);
        }, TimeSpan.FromSeconds(60));
        Assert.True(applied, "the silo took traffic but its /metrics never showed events applied, state written and every readiness check passing");
    }

    public async Task<Scrape> ScrapeAsync() => Scrape.Parse(await Silo.Http.GetStringAsync("/metrics"));

    /// <summary>The Prometheus server scraping this silo under steady traffic, with deploy/prometheus/alerts.yml loaded.</summary>
    public Task<PrometheusServer> PrometheusAsync() => prometheus.Value;

    private async Task<PrometheusServer> StartPrometheusAsync()
    {
        var server = await PrometheusServer.StartAsync(
            ScrapeConfig(Silo.Http.BaseAddress!),
            new Dictionary<string, string> { ["alerts.yml"] = RepositoryFiles.AlertRules });
        load = BackgroundLoad.Start(Traffic);
        return server;
    }

    /// <summary>
    /// The committed alert rules, and one target under the job name the deploy config gives silos. A 2 s interval
    /// (timeout as long) so a test sees several samples soon, without a scrape overlapping the next on two busy cores.
    /// </summary>
    private static string ScrapeConfig(Uri silo) => $"""
        global:
          scrape_interval: 2s
          scrape_timeout: 2s
          evaluation_interval: 2s
        rule_files:
          - alerts.yml
        scrape_configs:
          - job_name: silo
            static_configs:
              - targets: ["{silo.Authority}"]
        """;

    public async Task DisposeAsync()
    {
        if (load is not null)
        {
            await load.DisposeAsync();
        }

        if (prometheus.IsValueCreated && prometheus.Value.IsCompletedSuccessfully)
        {
            await prometheus.Value.Result.DisposeAsync();
        }

        await Silo.DisposeAsync();
    }
}
