using StreamingMarketing.Contracts.Allocation;

namespace StreamingMarketing.Gateway.Allocation;

/// <summary>The OpenAPI example of the allocation answer: three creatives, the best one pulling ahead, one paused.</summary>
internal static class AllocationExamples
{
    public static AllocationView Allocation => new()
    {
        CampaignId = "spring-launch",
        Metric = "ctr",
        Policy = "Thompson sampling on independent Beta(1 + successes, 1 + failures) posteriors of each variant's ctr per impression: " +
            "share = 0.05 + (1 − k × 0.05) × P(best) over the k live variants, each step moving a share by at most 0.2, one step per 1,000 new impressions.",
        Variants =
        [
            new() { Variant = "blue-banner", Share = 0.7631, ProbabilityBest = 0.9112, ExpectedRate = 0.0301, Impressions = 24_310, Successes = 731, ObservedShare = 0.61 },
            new() { Variant = "control", Share = 0.2369, ProbabilityBest = 0.0888, ExpectedRate = 0.0243, Impressions = 15_020, Successes = 364, ObservedShare = 0.31 },
            new() { Variant = "red-banner", Share = 0, ProbabilityBest = 0, ExpectedRate = 0.0199, Impressions = 12_004, Successes = 238, Paused = true, ObservedShare = 0.08 },
        ],
        ExpectedLossVsBest = 0.00061,
        MinShare = 0.05,
        MaxShareChange = 0.2,
        Steps = 12,
        MovedAt = new DateTime(2025, 5, 1, 12, 0, 0, DateTimeKind.Utc),
    };
}
