namespace StreamingMarketing.Contracts.Views;

/// <summary>The answer of <c>POST /api/sentiment</c> (docs/api.md).</summary>
[GenerateSerializer, Immutable]
public sealed record SentimentResponse
{
    [Id(0)] public required string ModelVersion { get; init; }
    [Id(1)] public required List<SentimentResultView> Results { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record SentimentResultView
{
    [Id(0)] public required string Label { get; init; }
    [Id(1)] public required double Score { get; init; }
    [Id(2)] public required Dictionary<string, double> Probabilities { get; init; }

    /// <summary>anger / joy / optimism / sadness, when the serving model carries the emotion head.</summary>
    [Id(3)] public EmotionView? Emotion { get; init; }

    /// <summary>p(offensive) and p(hate), when the serving model carries the brand-safety heads.</summary>
    [Id(4)] public BrandSafetyView? BrandSafety { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record EmotionView
{
    [Id(0)] public required string Label { get; init; }
    [Id(1)] public required Dictionary<string, double> Probabilities { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record BrandSafetyView
{
    [Id(0)] public required double Offensive { get; init; }
    [Id(1)] public required double Hate { get; init; }
}

/// <summary>The answer of <c>GET /api/models/current</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record ModelView
{
    [Id(0)] public required string Version { get; init; }
    [Id(1)] public required List<string> Labels { get; init; }
    [Id(2)] public required Dictionary<string, double> ValidationMetrics { get; init; }
    [Id(3)] public DateTime? CreatedAt { get; init; }
    [Id(4)] public string? ExecutionProvider { get; init; }
    [Id(5)] public string? ValidationMethod { get; init; }
    [Id(6)] public DateTime? ActivatedAt { get; init; }

    /// <summary>The silo that answered (shows which scoring silo serves this version).</summary>
    [Id(7)] public string? ServedBy { get; init; }
}
