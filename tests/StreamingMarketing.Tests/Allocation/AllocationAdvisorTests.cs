using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Allocation;

namespace StreamingMarketing.Tests.Allocation;

public sealed class AllocationAdvisorTests
{
    private static readonly DateTime Now = new(2026, 5, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly AllocationAdvisor advisor = new(new AllocationOptions());

    private static VariantCounts Counts(params (string Name, long Impressions, long Clicks)[] variants) => new()
    {
        Variants = [.. variants.Select(v => new VariantCount(v.Name, v.Impressions, v.Clicks, v.Impressions))],
    };

    [Fact]
    public void The_first_read_starts_uniform_and_steps_toward_the_leader()
    {
        var split = new ServedSplit();

        var advice = advisor.Advance("c", VariantMetric.Ctr, Counts(("a", 2_000, 40), ("b", 2_000, 80)), split, Now);

        var shares = advice.View.Variants.ToDictionary(v => v.Variant, v => v.Share);
        Assert.Equal(0.5 + 0.2, shares["b"], precision: 9);
        Assert.Equal(1.0, shares.Values.Sum(), precision: 12);
        Assert.Equal(1, advice.View.Steps);
        Assert.True(advice.Notify);
        Assert.Equal(0.5, advice.PreviouslyNotified["a"]);
    }

    [Fact]
    public void Reading_again_without_new_impressions_does_not_move_the_split()
    {
        var split = new ServedSplit();
        var counts = Counts(("a", 2_000, 40), ("b", 2_000, 80));
        var first = advisor.Advance("c", VariantMetric.Ctr, counts, split, Now);

        var again = advisor.Advance("c", VariantMetric.Ctr, counts, split, Now.AddMinutes(1));
        var fewMore = advisor.Advance("c", VariantMetric.Ctr, Counts(("a", 2_100, 42), ("b", 2_100, 84)), split, Now.AddMinutes(2));

        Assert.Equal(first.View.Variants.Select(v => v.Share), again.View.Variants.Select(v => v.Share));
        Assert.Equal(first.View.Variants.Select(v => v.Share), fewMore.View.Variants.Select(v => v.Share));
        Assert.False(again.Changed);
        Assert.False(again.Notify);
        Assert.Equal(1, fewMore.View.Steps);
    }

    [Fact]
    public void A_paused_variant_is_shown_with_share_zero_and_the_rest_still_sum_to_one()
    {
        var split = new ServedSplit();
        var counts = Counts(("a", 5_000, 100), ("b", 5_000, 150), ("c", 5_000, 120)) with
        {
            Metadata = new CampaignMetadata { Name = "n", PausedVariants = ["b"] },
        };

        var view = advisor.Advance("c", VariantMetric.Ctr, counts, split, Now).View;

        var b = view.Variants.Single(v => v.Variant == "b");
        Assert.True(b.Paused);
        Assert.Equal(0, b.Share);
        Assert.True(b.ProbabilityBest > 0.9);
        Assert.Equal(1.0, view.Variants.Sum(v => v.Share), precision: 12);
        Assert.True(view.ExpectedLossVsBest > 0);
    }

    [Fact]
    public void A_campaign_without_variants_answers_an_empty_split()
    {
        var view = advisor.Advance("c", VariantMetric.Ctr, Counts(), new ServedSplit(), Now).View;

        Assert.Empty(view.Variants);
        Assert.Equal(0, view.ExpectedLossVsBest);
    }
}
