namespace StreamingMarketing.Sentiment;

/// <summary>The serving model as the API reports it (GET /api/models/current).</summary>
public sealed record ModelInfo(
    string Version,
    IReadOnlyList<string> Labels,
    ValidationMetrics Validation,
    DateTimeOffset CreatedAt,
    DateTimeOffset ActivatedAt);
