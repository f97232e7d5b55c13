using StreamingMarketing.Contracts.Spend;

namespace StreamingMarketing.Contracts.Views;

/// <summary>The totals/KPI shape over one span of event time ending now.</summary>
[GenerateSerializer, Immutable]
public sealed record WindowView
{
    [Id(0)] public required Dictionary<string, long> Totals { get; init; }
    [Id(1)] public double EngagementRate { get; init; }
    [Id(2)] public double Ctr { get; init; }
    [Id(3)] public double ConversionValue { get; init; }
    [Id(4)] public required SentimentView Sentiment { get; init; }
    [Id(5)] public required DateTime From { get; init; }
    [Id(6)] public required string BucketSize { get; init; }

    /// <summary>Per-bucket event counts, oldest first, one entry per non-empty bucket (for charts).</summary>
    [Id(7)] public required List<BucketView> Buckets { get; init; }

    /// <summary>What the window's traffic cost under the campaign's cost model; null without one.</summary>
    [Id(8)] public SpendView? Spend { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record BucketView
{
    [Id(0)] public required DateTime Start { get; init; }
    [Id(1)] public required Dictionary<string, long> Totals { get; init; }
    [Id(2)] public required SentimentView Sentiment { get; init; }
}
