using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Spend;
using StreamingMarketing.Grains.Spend;

namespace StreamingMarketing.Tests.Spend;

public sealed class SpendCalculatorTests
{
    private static readonly DateTime Now = new(2026, 5, 10, 12, 0, 0, DateTimeKind.Utc);

    private static CampaignMetadata Billed(string kind, decimal price, double? budget = null, DateTime? end = null) => new()
    {
        Name = "n", Currency = "EUR", CostModel = new CostModel { Kind = kind, Price = price }, Budget = budget, End = end,
    };

    [Fact]
    public void Cost_per_mille_spend_is_the_exact_decimal_product()
    {
        var spend = SpendCalculator.Of(Billed(CostModel.PerMille, 4.37m), impressions: 1_234_567, clicks: 3, conversions: 7, conversionValue: 1_000)!;

        Assert.Equal(5_395.057790m, spend.Spend);
        Assert.Equal(1_798.352597m, spend.CostPerClick);
        Assert.Equal(770.722541m, spend.CostPerConversion);
        Assert.Equal(0.185355, spend.ReturnOnAdSpend!.Value, precision: 6);
        Assert.Equal("EUR", spend.Currency);
    }

    [Fact]
    public void Cost_per_click_spend_counts_clicks_only_and_ratios_without_a_denominator_are_null()
    {
        var spend = SpendCalculator.Of(Billed(CostModel.PerClick, 0.35m), impressions: 10_000, clicks: 0, conversions: 0, conversionValue: 0)!;
        var clicked = SpendCalculator.Of(Billed(CostModel.PerClick, 0.35m), impressions: 10_000, clicks: 321, conversions: 4, conversionValue: 200)!;

        Assert.Equal((0m, null, null, null), (spend.Spend, spend.CostPerClick, spend.CostPerConversion, spend.ReturnOnAdSpend));
        Assert.Equal(112.35m, clicked.Spend);
        Assert.Equal(0.35m, clicked.CostPerClick);
        Assert.Equal(28.0875m, clicked.CostPerConversion);
        Assert.Equal(1.780151, clicked.ReturnOnAdSpend!.Value, precision: 6);
    }

    [Fact]
    public void Without_a_cost_model_there_is_no_spend()
    {
        Assert.Null(SpendCalculator.Of(new CampaignMetadata { Name = "n", Budget = 100 }, 10, 1, 0, 0));
        Assert.Null(SpendCalculator.Of(null, 10, 1, 0, 0));
    }

    [Fact]
    public void The_budget_projection_runs_the_last_days_spend_rate_to_the_end_date()
    {
        var metadata = Billed(CostModel.PerClick, 2m, budget: 1_000, end: Now.AddHours(48));
        var total = SpendCalculator.Of(metadata, 0, 300, 0, 0);
        var lastDay = SpendCalculator.Of(metadata, 0, 120, 0, 0);

        var budget = BudgetProjection.Of(metadata, total, lastDay, firstEventAt: Now.AddDays(-5), Now)!;

        Assert.Equal(600m, budget.Spend);
        Assert.Equal(400m, budget.Remaining);
        Assert.Equal(0.6, budget.BudgetUsed!.Value, precision: 12);
        Assert.Equal(10m, budget.SpendPerHour);
        Assert.Equal(1_080m, budget.ProjectedSpend);
        Assert.Equal(Now.AddHours(48), budget.ProjectedAt);
        Assert.True(budget.ProjectedOverBudget);
    }

    [Fact]
    public void A_young_campaign_projects_its_rate_over_the_hours_it_has_run_and_an_ended_one_projects_its_spend()
    {
        var young = Billed(CostModel.PerClick, 1m, budget: 500, end: Now.AddHours(10));
        var spend = SpendCalculator.Of(young, 0, 40, 0, 0);
        var ended = young with { End = Now.AddHours(-1) };

        var projection = BudgetProjection.Of(young, spend, spend, firstEventAt: Now.AddHours(-4), Now)!;
        var final = BudgetProjection.Of(ended, spend, spend, firstEventAt: Now.AddHours(-4), Now)!;

        Assert.Equal(10m, projection.SpendPerHour);
        Assert.Equal(140m, projection.ProjectedSpend);
        Assert.False(projection.ProjectedOverBudget);
        Assert.Equal(40m, final.ProjectedSpend);
        Assert.Null(BudgetProjection.Of(young with { End = null }, spend, spend, Now.AddHours(-4), Now)!.ProjectedSpend);
    }
}
