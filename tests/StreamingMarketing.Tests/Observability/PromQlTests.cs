namespace StreamingMarketing.Tests.Observability;

public sealed class PromQlTests
{
    [Theory]
    [InlineData("sum by (type) (rate(a_total{job=~\"$job\"}[$__rate_interval]))", "a_total")]
    [InlineData("histogram_quantile(0.95, sum by (le, http_route) (rate(b_bucket{http_route=~\"/api/.*\"}[5m])))", "b_bucket")]
    [InlineData("sum(rate(c_sum[1m])) / sum(rate(c_count[1m])) > 1e3", "c_sum c_count")]
    [InlineData("sum(rate(d_total[5m])) by (le) or on (instance) e offset 5m", "d_total e")]
    public void Finds_metric_names_and_not_functions_labels_or_durations(string expression, string expected)
    {
        Assert.Equal(expected.Split(' ').ToHashSet(), PromQl.MetricNames(expression));
    }

    [Fact]
    public void A_label_values_template_query_names_its_selector_metric_only()
    {
        Assert.Equal(["f"], PromQl.TemplateQueryMetricNames("label_values(f{job=~\"$job\"}, instance)"));
    }
}
