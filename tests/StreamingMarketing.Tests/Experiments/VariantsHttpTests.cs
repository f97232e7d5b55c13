using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Tests.Http;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.Experiments;

/// <summary>Per-variant counts and the variants answer through the real silo's HTTP API.</summary>
[Trait("Category", "Functional")]
public sealed class VariantsHttpTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private HttpClient Http => fixture.Silo.Http;

    private async Task<VariantsView?> VariantsAsync(string campaign, string query = "")
    {
        using var response = await Http.GetAsync($"/api/campaigns/{campaign}/variants{query}");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<VariantsView>() : null;
    }

    private static List<Dictionary<string, object?>> Traffic(string campaign, string variant, int impressions, int clicks) =>
        Enumerable.Range(0, impressions).Select(i => Events.Json(Burst.Id("i"), "impression", $"u{i % 500}", campaign, variant: variant))
            .Concat(Enumerable.Range(0, clicks).Select(i => Events.Json(Burst.Id("c"), "click", $"u{i % 500}", campaign, variant: variant)))
            .ToList();

    private async Task SendAsync(IEnumerable<Dictionary<string, object?>> events)
    {
        foreach (var chunk in events.Chunk(2_000))
        {
            (await Http.PostAsJsonAsync("/api/events", chunk)).EnsureSuccessStatusCode();
        }
    }

    [Fact]
    public async Task Variant_counters_stay_exact_when_every_event_is_sent_twice()
    {
        var campaign = Burst.Id("ab-dupes");
        var events = Traffic(campaign, "control", 300, 6).Concat(Traffic(campaign, "blue", 200, 9)).ToList();

        await SendAsync(events);
        await SendAsync(events);
        await SendAsync(events.Take(100));

        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await VariantsAsync(campaign))?.Variants.Sum(v => v.Totals["impression"] + v.Totals["click"]) == events.Count));
        var view = (await VariantsAsync(campaign))!;
        var control = view.Variants.Single(v => v.Name == "control");
        var blue = view.Variants.Single(v => v.Name == "blue");
        Assert.Equal((300L, 6L, 200L, 9L), (control.Totals["impression"], control.Totals["click"], blue.Totals["impression"], blue.Totals["click"]));
        Assert.Equal((300L, 6L), (control.Windows["1h"].Totals["impression"], control.Windows["1h"].Totals["click"]));
        Assert.Equal(0.045, blue.Ctr, precision: 9);
        Assert.Equal(200, blue.UniqueUsers);
        Assert.Equal(("control", "control", "insufficientData"), (view.Control, control.Verdict, blue.Verdict));
    }

    [Fact]
    public async Task A_creative_with_double_the_ctr_is_declared_better_with_its_lift_inside_the_interval()
    {
        var campaign = Burst.Id("ab-lift");
        await SendAsync(Traffic(campaign, "control", 6_000, 120).Concat(Traffic(campaign, "bold", 6_000, 240)));

        Assert.True(await RunningSilo.EventuallyAsync(async () => (await VariantsAsync(campaign, "?metric=ctr&control=control"))?
            .Variants.Sum(v => v.Totals["impression"]) == 12_000));
        var bold = (await VariantsAsync(campaign, "?metric=ctr&control=control"))!.Variants.Single(v => v.Name == "bold");

        Assert.Equal("better", bold.Verdict);
        Assert.Equal(1.0, bold.Lift!.Relative.Value, precision: 9);
        Assert.InRange(1.0, bold.Lift.Relative.Low, bold.Lift.Relative.High);
        Assert.True(bold.Lift.Relative.Low > 0);
        Assert.Equal(0, bold.ImpressionsToVerdict);
        Assert.InRange(0.04, bold.Kpi!.Low, bold.Kpi.High);
        Assert.Equal(6_000, bold.Series.Sum(p => p.Impressions));
    }

    [Fact]
    public async Task Variants_past_the_twentieth_are_counted_as_other_and_said_so()
    {
        var campaign = Burst.Id("ab-many");
        await SendAsync(Enumerable.Range(0, 25).Select(i => Events.Json(Burst.Id("e"), "impression", "u1", campaign, variant: $"v{i:00}")));

        Assert.True(await RunningSilo.EventuallyAsync(async () => (await VariantsAsync(campaign))?.Variants.Sum(v => v.Totals["impression"]) == 25));
        var view = (await VariantsAsync(campaign))!;

        Assert.Equal(21, view.Variants.Count);
        Assert.Equal(5, view.Variants.Single(v => v.IsOther).Totals["impression"]);
        Assert.Equal(5, view.EventsCountedAsOther);
        Assert.Equal(20, view.MaxVariants);
    }

    [Fact]
    public async Task Bad_variant_names_metrics_and_controls_are_refused_with_the_reason()
    {
        var campaign = Burst.Id("ab-bad");
        var events = new[]
        {
            Events.Json(Burst.Id("e"), "impression", "u1", campaign, variant: "ok"),
            Events.Json(Burst.Id("e"), "impression", "u1", campaign, variant: new string('x', 65)),
            Events.Json(Burst.Id("e"), "impression", "u1", campaign, variant: "has space"),
        };

        using var ingest = await Http.PostAsJsonAsync("/api/events", events);
        var answer = await ingest.Content.ReadAsStringAsync();
        Assert.True(await RunningSilo.EventuallyAsync(async () => await VariantsAsync(campaign) is { Variants.Count: 1 }));
        using var metric = await Http.GetAsync($"/api/campaigns/{campaign}/variants?metric=roi");
        using var control = await Http.GetAsync($"/api/campaigns/{campaign}/variants?control=nope");
        using var unknown = await Http.GetAsync($"/api/campaigns/{Burst.Id("never")}/variants");

        Assert.Contains("\"accepted\":1", answer, StringComparison.Ordinal);
        Assert.Contains("variant must be 1 to 64 characters", answer, StringComparison.Ordinal);
        Assert.Contains("variant contains ", answer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, metric.StatusCode);
        Assert.Contains("ctr, engagementRate, conversionRate", await metric.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, control.StatusCode);
        Assert.Contains("variants: ok", await control.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
