using System.Net.Http.Json;
using System.Text.Json;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Observability;

/// <summary>A real Prometheus server scrapes the silo under traffic; its HTTP API is what the assertions read.</summary>
[Collection(ObservabilityCollection.Name)]
[Trait("Category", "Functional")]
public sealed class PrometheusScrapeTests(LoadedSiloFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Prometheus_scrapes_the_silo_and_the_event_counters_increase()
    {
        var prometheus = await fixture.PrometheusAsync();

        Assert.True(await RunningSilo.EventuallyAsync(async () => await prometheus.ScalarAsync("up{job=\"silo\"}") == 1, Patience),
            $"Prometheus never scraped the silo.\n{prometheus.Log}");
        foreach (var counter in new[] { "streamingmarketing_events_accepted_total", "streamingmarketing_events_applied_total" })
        {
            var first = await ValueWhenPresentAsync(prometheus, $"sum({counter}{{job=\"silo\"}})");
            Assert.True(await RunningSilo.EventuallyAsync(async () => await prometheus.ScalarAsync($"sum({counter}{{job=\"silo\"}})") > first, Patience),
                $"{counter} stayed at {first} in Prometheus while traffic kept flowing");
        }

        Assert.True(await prometheus.ScalarAsync("count({__name__=~\"orleans_.+\", job=\"silo\"})") > 0);
        Assert.Equal(1, await prometheus.ScalarAsync("min(streamingmarketing_health_check_status{job=\"silo\"})"));
    }

    [Fact]
    public async Task The_committed_alert_rules_evaluate_against_real_series_and_readiness_does_not_fire()
    {
        var prometheus = await fixture.PrometheusAsync();

        JsonElement[] rules = [];
        var evaluated = await RunningSilo.EventuallyAsync(async () =>
        {
            var response = await prometheus.Http.GetFromJsonAsync<JsonElement>("/api/v1/rules");
            rules = response.GetProperty("data").GetProperty("groups").EnumerateArray()
                .SelectMany(group => group.GetProperty("rules").EnumerateArray()).ToArray();
            return rules.Length > 0 && rules.All(rule => rule.GetProperty("health").GetString() != "unknown");
        }, Patience);

        Assert.True(evaluated, $"the rules from alerts.yml were never all evaluated.\n{prometheus.Log}");
        Assert.All(rules, rule => Assert.True(rule.GetProperty("health").GetString() == "ok", $"rule {rule.GetProperty("name")} fails: {rule}"));
        var readiness = rules.Single(rule => rule.GetProperty("name").GetString() == "StreamingMarketingNotReady");
        Assert.Empty(readiness.GetProperty("alerts").EnumerateArray());
    }

    [Fact]
    public async Task Every_dashboard_query_runs_in_prometheus_and_returns_series()
    {
        var prometheus = await fixture.PrometheusAsync();
        var dashboard = GrafanaDashboard.Load(RepositoryFiles.GrafanaDashboard);

        foreach (var query in dashboard.PanelQueries)
        {
            var promql = AsGrafanaWouldSend(query.Expression);
            var needsScorer = PromQl.MetricNames(query.Expression).Any(ScorerSeries.Names.Contains);
            if (needsScorer && !fixture.Traffic.ScorerAnswers)
            {
                // Still checks that Prometheus accepts the query: QueryAsync throws on a syntax error.
                await prometheus.QueryAsync(promql);
                continue;
            }

            Assert.True(await RunningSilo.EventuallyAsync(async () => (await prometheus.QueryAsync(promql)).GetArrayLength() > 0, Patience),
                $"panel '{query.Panel}': no series for {promql}");
        }
    }

    private static async Task<double> ValueWhenPresentAsync(PrometheusServer prometheus, string promql)
    {
        double? value = null;
        await RunningSilo.EventuallyAsync(async () => (value = await prometheus.ScalarAsync(promql)) is not null, Patience);
        return value ?? throw new Xunit.Sdk.XunitException($"Prometheus has no series for {promql}.\n{prometheus.Log}");
    }

    /// <summary>Grafana's variables, filled as an "All" selection over the last minutes would fill them.</summary>
    private static string AsGrafanaWouldSend(string expression) => expression
        .Replace("$__rate_interval", "30s")
        .Replace("$__range", "5m")
        .Replace("$job", ".*")
        .Replace("$instance", ".*");
}
