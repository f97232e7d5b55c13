namespace StreamingMarketing.Tests.Observability;

[Collection(ObservabilityCollection.Name)]
[Trait("Category", "Functional")]
public sealed class GrafanaDashboardTests(LoadedSiloFixture fixture)
{
    private readonly GrafanaDashboard dashboard = GrafanaDashboard.Load(RepositoryFiles.GrafanaDashboard);

    [Fact]
    public async Task Every_panel_query_names_only_series_present_in_a_real_scrape()
    {
        await fixture.Traffic.PostRoundAsync();
        var scrape = await fixture.ScrapeAsync();

        var missing = dashboard.PanelQueries
            .SelectMany(query => ScorerSeries.Missing(PromQl.MetricNames(query.Expression), scrape.SampleNames, fixture.Traffic.ScorerAnswers)
                .Select(name => $"panel '{query.Panel}': {name}"))
            .ToList();

        Assert.True(missing.Count == 0, "series the silo does not export:\n" + string.Join('\n', missing)
            + (fixture.Traffic.ScorerAnswers ? "" : $"\n(scorer series are excused: {ScorerSeries.WhyExcused})"));
    }

    [Fact]
    public async Task Every_template_variable_query_names_only_series_present_in_a_real_scrape()
    {
        var scrape = await fixture.ScrapeAsync();

        Assert.NotEmpty(dashboard.TemplateQueries);
        Assert.All(dashboard.TemplateQueries, query => Assert.Subset(scrape.SampleNames.ToHashSet(), PromQl.TemplateQueryMetricNames(query.Expression).ToHashSet()));
    }

    [Fact]
    public void Dashboard_has_the_panels_ops_asked_for()
    {
        string[] wanted =
        [
            "streamingmarketing_events_accepted_total", "streamingmarketing_events_rejected_total", "streamingmarketing_event_lag_seconds_bucket",
            "streamingmarketing_sentiment_requests_total", "streamingmarketing_sentiment_batch_size_bucket",
            "streamingmarketing_sentiment_inference_duration_seconds_bucket", "streamingmarketing_sentiment_queue_depth",
            "streamingmarketing_sentiment_scored_total", "streamingmarketing_model_version", "orleans_catalog_activations",
            "streamingmarketing_grain_state_write_duration_seconds_bucket", "http_server_request_duration_seconds_bucket",
        ];

        var used = dashboard.PanelQueries.SelectMany(query => PromQl.MetricNames(query.Expression)).ToHashSet();

        Assert.Subset(used, wanted.ToHashSet());
    }
}
