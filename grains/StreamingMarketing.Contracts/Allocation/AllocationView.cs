namespace StreamingMarketing.Contracts.Allocation;

/// <summary>
/// The answer of <c>GET /api/campaigns/{id}/allocation</c>: the share of the next traffic each creative should get,
/// from Thompson sampling on the variants' Beta posteriors, with a floor per live variant and a cap on each move.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AllocationView
{
    [Id(0)] public required string CampaignId { get; init; }
    [Id(1)] public required string Metric { get; init; }

    /// <summary>The policy and its constants, in words.</summary>
    [Id(2)] public required string Policy { get; init; }
    [Id(3)] public required List<VariantAllocation> Variants { get; init; }

    /// <summary>
    /// The rate this split is expected to lose per impression against always serving the best variant, under the
    /// posteriors: E[max rate] − Σ share × E[rate].
    /// </summary>
    [Id(4)] public double ExpectedLossVsBest { get; init; }
    [Id(5)] public double MinShare { get; init; }
    [Id(6)] public double MaxShareChange { get; init; }

    /// <summary>How many times the recommended split has moved, and when it last did.</summary>
    [Id(7)] public long Steps { get; init; }
    [Id(8)] public DateTime? MovedAt { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record VariantAllocation
{
    [Id(0)] public required string Variant { get; init; }

    /// <summary>The recommended share of the next traffic; 0 for a paused variant. Shares sum to 1.</summary>
    [Id(1)] public double Share { get; init; }

    /// <summary>P(this variant's true rate is the highest) under independent Beta(1 + successes, 1 + failures) posteriors.</summary>
    [Id(2)] public double ProbabilityBest { get; init; }

    /// <summary>The posterior mean of the rate.</summary>
    [Id(3)] public double ExpectedRate { get; init; }
    [Id(4)] public long Impressions { get; init; }
    [Id(5)] public long Successes { get; init; }
    [Id(6)] public bool Paused { get; init; }

    /// <summary>This variant's share of the impressions of the last hour (of event time): the split as it runs now.</summary>
    [Id(7)] public double ObservedShare { get; init; }
}
