using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Tests.Http;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.Forecasting;

/// <summary>The forecast endpoint through the real silo's HTTP API.</summary>
[Trait("Category", "Functional")]
public sealed class ForecastHttpTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private HttpClient Http => fixture.Silo.Http;

    [Fact]
    public async Task A_young_campaign_gets_a_widened_forecast_from_its_current_hour_that_says_its_history_is_short()
    {
        var campaign = Burst.Id("fc-young");
        var now = DateTime.UtcNow;
        var events = Enumerable.Range(0, 40).Select(i => Events.Json(Burst.Id("e"), i % 2 == 0 ? "like" : "mention", "u1", campaign, now.AddHours(-(i % 5)), text: "ok"));
        (await Http.PostAsJsonAsync("/api/events", events)).EnsureSuccessStatusCode();

        ForecastView? view = null;
        Assert.True(await RunningSilo.EventuallyAsync(async () =>
        {
            using var response = await Http.GetAsync($"/api/campaigns/{campaign}/forecast?metric=like&step=1h&horizon=12");
            view = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ForecastView>() : null;
            return view is { HistoryBuckets: > 0 };
        }));

        Assert.Equal(("like", "1h", 12), (view!.Metric, view.Step, view.Points.Count));
        Assert.True(view.InsufficientHistory);
        Assert.Equal(new DateTime(now.Ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, DateTimeKind.Utc), view.Points[0].Time);
        Assert.All(view.Points, p => Assert.True(p.Lower95 <= p.Value && p.Value <= p.Upper95 && double.IsFinite(p.Upper95)));
        using var daily = await Http.GetAsync($"/api/campaigns/{campaign}/forecast?metric=events&step=1d&horizon=30");
        Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
    }

    [Theory]
    [InlineData("?metric=roi", "metric 'roi' is not one of impression, view, like")]
    [InlineData("?step=1w", "step '1w' is not one of 1h, 1d.")]
    [InlineData("?step=1h&horizon=169", "horizon must be a whole number from 1 to 168 for step 1h (got '169').")]
    [InlineData("?step=1d&horizon=0", "horizon must be a whole number from 1 to 30 for step 1d (got '0').")]
    [InlineData("?horizon=two", "horizon must be a whole number from 1 to 168 for step 1h (got 'two').")]
    public async Task Bad_arguments_are_refused_with_the_reason(string query, string reason)
    {
        using var response = await Http.GetAsync($"/api/campaigns/{Burst.Id("fc-bad")}/forecast{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_campaign_is_not_found()
    {
        using var response = await Http.GetAsync($"/api/campaigns/{Burst.Id("fc-never")}/forecast");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
