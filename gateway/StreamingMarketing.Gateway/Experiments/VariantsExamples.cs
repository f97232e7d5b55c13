using StreamingMarketing.Contracts.Experiments;

namespace StreamingMarketing.Gateway.Experiments;

/// <summary>The OpenAPI example of the variants answer: a control and a creative that beats it on CTR.</summary>
internal static class VariantsExamples
{
    private static readonly DateTime Now = new(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc);

    private static VariantWindow Window(long impressions, long clicks) => new()
    {
        Totals = new() { ["impression"] = impressions, ["click"] = clicks }, Ctr = (double)clicks / impressions,
        EngagementRate = (double)clicks / impressions,
    };

    private static VariantResult Variant(string name, long impressions, long clicks, Estimate kpi, LiftView? lift, string verdict, long? more) => new()
    {
        Name = name, IsControl = lift is null, Totals = new() { ["impression"] = impressions, ["click"] = clicks }, UniqueUsers = impressions / 3,
        Ctr = (double)clicks / impressions, EngagementRate = (double)clicks / impressions, Kpi = kpi, Lift = lift, Verdict = verdict,
        ImpressionsToVerdict = more,
        Windows = new() { ["1h"] = Window(impressions, clicks), ["24h"] = Window(impressions, clicks), ["30d"] = Window(impressions, clicks) },
        Series = [new VariantPoint(Now.AddMinutes(-1), impressions / 2, clicks / 2), new VariantPoint(Now, impressions - (impressions / 2), clicks - (clicks / 2))],
    };

    public static VariantsView Variants => new()
    {
        CampaignId = "spring-launch",
        Metric = "ctr",
        Control = "control",
        Test = VariantTestRules.Description,
        MaxVariants = 20,
        SeriesWindow = "1h",
        UpdatedAt = Now,
        Variants =
        [
            Variant("blue-banner", 100_120, 2_611, new Estimate(0.02608, 0.02510, 0.02708),
                new LiftView { Relative = new Estimate(0.301, 0.190, 0.423), Absolute = new Estimate(0.00603, 0.00399, 0.00807) }, "better", 0),
            Variant("control", 99_880, 2_000, new Estimate(0.02002, 0.01917, 0.02091), null, "control", null),
        ],
    };
}
