using System.Net;
using System.Net.Http.Json;
using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Tests.Http;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;

namespace StreamingMarketing.Tests.Allocation;

/// <summary>The allocation and spend answers through the real silo's HTTP API, driven as an ad platform would.</summary>
[Trait("Category", "Functional")]
public sealed class AllocationHttpTests(SiloFixture fixture) : IClassFixture<SiloFixture>
{
    private HttpClient Http => fixture.Silo.Http;

    [Fact]
    public async Task An_ad_platform_following_the_split_moves_70_percent_to_the_best_creative_within_30_rounds_and_loses_under_half_of_uniforms_clicks()
    {
        var ctr = new Dictionary<string, double> { ["a"] = 0.020, ["b"] = 0.024, ["c"] = 0.030 };
        var platform = new AdPlatform(Http, Burst.Id("bandit"), ctr, seed: 29);

        for (var round = 0; round < 30; round++)
        {
            await platform.RoundAsync(4_000);
        }

        var final = (await platform.ReadAllocationAsync())!;
        var uniformLoss = 30 * 4_000 * (0.030 - ctr.Values.Average());
        Assert.Contains(platform.Splits, split => split["c"] >= 0.7);
        Assert.True(final.Variants.Single(v => v.Variant == "c").Share >= 0.7, $"best share {final.Variants.Single(v => v.Variant == "c").Share}");
        Assert.True(platform.ExpectedClicksLost <= uniformLoss / 2, $"lost {platform.ExpectedClicksLost:N1} clicks; uniform loses {uniformLoss:N1}");
        Assert.All(final.Variants, v => Assert.True(v.Share >= final.MinShare - 1e-12, $"{v.Variant} starved at {v.Share}"));
        Assert.Equal(1.0, final.Variants.Sum(v => v.Share), precision: 9);
        Assert.True(final.Variants.Single(v => v.Variant == "c").ProbabilityBest > 0.9);
        Assert.Equal(120_000, final.Variants.Sum(v => v.Impressions));
    }

    [Fact]
    public async Task Shares_move_by_at_most_the_cap_between_reads_and_not_at_all_without_new_impressions()
    {
        var platform = new AdPlatform(Http, Burst.Id("capped"), new Dictionary<string, double> { ["a"] = 0.01, ["b"] = 0.05 }, seed: 3);
        await platform.RoundAsync(6_000);

        var first = (await platform.ReadAllocationAsync())!;
        var again = (await platform.ReadAllocationAsync())!;

        Assert.Equal(0.5 + first.MaxShareChange, first.Variants.Single(v => v.Variant == "b").Share, precision: 9);
        Assert.Equal(first.Variants.Select(v => v.Share), again.Variants.Select(v => v.Share));
        Assert.Equal(first.Steps, again.Steps);
    }

    [Fact]
    public async Task A_paused_variant_gets_share_zero_and_the_others_share_all_traffic()
    {
        var campaign = Burst.Id("paused");
        var platform = new AdPlatform(Http, campaign, new Dictionary<string, double> { ["a"] = 0.02, ["b"] = 0.03, ["c"] = 0.025 }, seed: 5);
        await platform.RoundAsync(3_000);

        using var put = await Http.PutAsJsonAsync($"/api/campaigns/{campaign}", new { name = "Paused test", pausedVariants = new[] { "b" } });
        var view = (await platform.ReadAllocationAsync())!;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var b = view.Variants.Single(v => v.Variant == "b");
        Assert.True(b.Paused);
        Assert.Equal(0, b.Share);
        Assert.Equal(1.0, view.Variants.Sum(v => v.Share), precision: 9);
        Assert.All(view.Variants.Where(v => !v.Paused), v => Assert.True(v.Share > 0.05));
    }

    [Fact]
    public async Task Bad_metrics_are_400_unknown_campaigns_404_and_bad_cost_metadata_is_refused_with_every_reason()
    {
        var campaign = Burst.Id("alloc-bad");
        (await Http.PostAsJsonAsync("/api/events", new[] { Events.Json(Burst.Id("e"), "impression", "u1", campaign, variant: "a") })).EnsureSuccessStatusCode();

        using var metric = await Http.GetAsync($"/api/campaigns/{campaign}/allocation?metric=roas");
        using var unknown = await Http.GetAsync($"/api/campaigns/{Burst.Id("never")}/allocation");
        using var badCost = await Http.PutAsJsonAsync($"/api/campaigns/{campaign}", new
        {
            name = "x",
            currency = "euro",
            costModel = new { kind = "cpa", price = -1 },
            pausedVariants = new[] { "has space" },
        });
        var reasons = await badCost.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, metric.StatusCode);
        Assert.Contains("ctr, engagementRate, conversionRate", await metric.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCost.StatusCode);
        Assert.Contains("currency 'euro' is not an ISO 4217 code", reasons, StringComparison.Ordinal);
        Assert.Contains("costModel.kind 'cpa' is not one of cpm, cpc", reasons, StringComparison.Ordinal);
        Assert.Contains("costModel.price is required", reasons, StringComparison.Ordinal);
        Assert.Contains("pausedVariants[0] contains", reasons, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spend_cost_per_click_and_conversion_and_roas_are_exact_in_totals_windows_and_variants_even_when_events_are_resent()
    {
        var campaign = Burst.Id("spend");
        var end = DateTime.UtcNow.AddDays(10);
        using var put = await Http.PutAsJsonAsync($"/api/campaigns/{campaign}", new
        {
            name = "Spend test",
            budget = 50,
            currency = "EUR",
            end = Events.Iso(end),
            costModel = new { kind = "cpm", price = 4.37 },
        });
        put.EnsureSuccessStatusCode();
        var events = Enumerable.Range(0, 3_001).Select(i => Events.Json(Burst.Id("i"), "impression", $"u{i % 300}", campaign, variant: i % 3 == 0 ? "a" : "b"))
            .Concat(Enumerable.Range(0, 61).Select(i => Events.Json(Burst.Id("c"), "click", $"u{i}", campaign, variant: "a")))
            .Concat(Enumerable.Range(0, 3).Select(i => Events.Json(Burst.Id("v"), "conversion", $"u{i}", campaign, value: 49.95, variant: "b")))
            .ToList();
        foreach (var _ in Enumerable.Range(0, 2))
        {
            (await Http.PostAsJsonAsync("/api/events", events)).EnsureSuccessStatusCode();
        }

        Assert.True(await RunningSilo.EventuallyAsync(async () =>
            (await Http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}"))!.Windows["24h"].Totals.Values.Sum() == events.Count));
        var view = (await Http.GetFromJsonAsync<CampaignView>($"/api/campaigns/{campaign}"))!;
        var variants = (await Http.GetFromJsonAsync<VariantsView>($"/api/campaigns/{campaign}/variants"))!;

        // 3,001 impressions at 4.37 per mille: 13.11437, not a float's 13.114370000000001.
        Assert.Equal(13.11437m, view.Spend!.Spend);
        Assert.Equal("EUR", view.Spend.Currency);
        Assert.Equal(Math.Round(13.11437m / 61, 6), view.Spend.CostPerClick);
        Assert.Equal(Math.Round(13.11437m / 3, 6), view.Spend.CostPerConversion);
        Assert.Equal(Math.Round(149.85 / 13.11437, 6), view.Spend.ReturnOnAdSpend!.Value, precision: 6);
        Assert.All(view.Windows.Values, window => Assert.Equal(13.11437m, window.Spend!.Spend));
        Assert.Equal(13.11437m, variants.Variants.Sum(v => v.Spend!.Spend));
        Assert.Equal(1_001 * 4.37m / 1000, variants.Variants.Single(v => v.Name == "a").Spend!.Spend);
        Assert.Equal(1_001 * 4.37m / 1000, variants.Variants.Single(v => v.Name == "a").Windows["1h"].Spend!.Spend);
        Assert.Equal(50m - 13.11437m, view.Budget!.Remaining);
        Assert.Equal(end, view.Budget.ProjectedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.True(view.Budget.ProjectedSpend > view.Budget.Spend);
        Assert.True(view.Budget.ProjectedOverBudget);
    }
}
