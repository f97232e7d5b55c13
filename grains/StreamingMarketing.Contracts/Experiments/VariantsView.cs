using StreamingMarketing.Contracts.Spend;

namespace StreamingMarketing.Contracts.Experiments;

/// <summary>The answer of <c>GET /api/campaigns/{id}/variants</c>: every variant's KPIs and its test against the control.</summary>
[GenerateSerializer, Immutable]
public sealed record VariantsView
{
    [Id(0)] public required string CampaignId { get; init; }
    [Id(1)] public required string Metric { get; init; }

    /// <summary>The variant the others are compared with; null when the campaign has no variant yet.</summary>
    [Id(2)] public string? Control { get; init; }

    /// <summary>Which test decides, its error rate and its decision rule, in words.</summary>
    [Id(3)] public required TestDescription Test { get; init; }
    [Id(4)] public required List<VariantResult> Variants { get; init; }

    /// <summary>At most this many named variants are kept per campaign; later names are counted under <c>other</c>.</summary>
    [Id(5)] public int MaxVariants { get; init; }

    /// <summary>Events whose variant arrived after the limit was reached and were counted under <c>other</c>.</summary>
    [Id(6)] public long EventsCountedAsOther { get; init; }

    /// <summary>The window the <see cref="VariantResult.Series"/> cover (1h, 24h or 30d).</summary>
    [Id(7)] public required string SeriesWindow { get; init; }
    [Id(8)] public DateTime UpdatedAt { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record TestDescription
{
    [Id(0)] public required string Method { get; init; }
    [Id(1)] public double Alpha { get; init; }
    [Id(2)] public required string DecisionRule { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record VariantResult
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public bool IsControl { get; init; }

    /// <summary>True for the bucket that holds every variant past the limit: it is not one creative, so it is never tested.</summary>
    [Id(2)] public bool IsOther { get; init; }
    [Id(3)] public required Dictionary<string, long> Totals { get; init; }
    [Id(4)] public long UniqueUsers { get; init; }
    [Id(5)] public double EngagementRate { get; init; }
    [Id(6)] public double Ctr { get; init; }
    [Id(7)] public double ConversionRate { get; init; }
    [Id(8)] public double ConversionValue { get; init; }

    /// <summary>The chosen metric with its 95% interval (Jeffreys, for this variant alone).</summary>
    [Id(9)] public Estimate? Kpi { get; init; }

    /// <summary>The lift of the chosen metric over the control, with always-valid 95% intervals; null for the control and <c>other</c>.</summary>
    [Id(10)] public LiftView? Lift { get; init; }

    /// <summary>control, better, worse, inconclusive, or insufficientData (too few impressions or successes to test).</summary>
    [Id(11)] public required string Verdict { get; init; }

    /// <summary>
    /// How many more impressions this variant needs (the control needs more in the same proportion) before the test can
    /// declare a difference, if the observed lift holds (or a lift of <see cref="VariantsView.Test"/>'s minimum, when
    /// smaller); 0 once declared, null for the control.
    /// </summary>
    [Id(12)] public long? ImpressionsToVerdict { get; init; }
    [Id(13)] public required Dictionary<string, VariantWindow> Windows { get; init; }

    /// <summary>Impressions and successes of the chosen metric per bucket of the series window, oldest first.</summary>
    [Id(14)] public required List<VariantPoint> Series { get; init; }

    /// <summary>What this variant's traffic cost under the campaign's cost model; null without one.</summary>
    [Id(15)] public SpendView? Spend { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record Estimate([property: Id(0)] double Value, [property: Id(1)] double Low, [property: Id(2)] double High);

[GenerateSerializer, Immutable]
public sealed record LiftView
{
    /// <summary>variant rate / control rate − 1.</summary>
    [Id(0)] public required Estimate Relative { get; init; }

    /// <summary>variant rate − control rate.</summary>
    [Id(1)] public required Estimate Absolute { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record VariantWindow
{
    [Id(0)] public required Dictionary<string, long> Totals { get; init; }
    [Id(1)] public double EngagementRate { get; init; }
    [Id(2)] public double Ctr { get; init; }
    [Id(3)] public double ConversionRate { get; init; }
    [Id(4)] public double ConversionValue { get; init; }
    [Id(5)] public SpendView? Spend { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record VariantPoint([property: Id(0)] DateTime Start, [property: Id(1)] long Impressions, [property: Id(2)] long Successes);
