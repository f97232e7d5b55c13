namespace StreamingMarketing.Contracts.Insights;

/// <summary>One alert, as <c>GET /api/alerts</c>, the campaign answer and the webhook payload show it.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertView
{
    [Id(0)] public required string AlertId { get; init; }
    [Id(1)] public required string CampaignId { get; init; }

    /// <summary>One of <see cref="AlertRuleNames"/>.</summary>
    [Id(2)] public required string Rule { get; init; }

    /// <summary><see cref="AlertStates.Open"/> or <see cref="AlertStates.Resolved"/>.</summary>
    [Id(3)] public required string State { get; init; }
    [Id(4)] public required DateTime OpenedAt { get; init; }
    [Id(5)] public DateTime? ResolvedAt { get; init; }

    /// <summary>The measured value when the alert opened (share, z-score or drop), and the threshold it crossed.</summary>
    [Id(6)] public double Value { get; init; }
    [Id(7)] public double Threshold { get; init; }
    [Id(8)] public required string Message { get; init; }

    /// <summary>The value measured when it resolved.</summary>
    [Id(9)] public double? ResolvedValue { get; init; }

    /// <summary>What rose most when the alert opened (null for alerts opened before drivers were kept).</summary>
    [Id(10)] public AlertDrivers? Drivers { get; init; }

    /// <summary>The start (UTC) of the hour an anomaly rule judged; null for the other rules.</summary>
    [Id(11)] public DateTime? Hour { get; init; }
}

public static class AlertRuleNames
{
    public const string NegativeSentiment = "negative-sentiment";
    public const string VolumeSpike = "volume-spike";
    public const string ConversionDrop = "conversion-drop";
    public const string VolumeAnomaly = "volume-anomaly";
    public const string NegativeAnomaly = "negative-anomaly";
}

public static class AlertStates
{
    public const string Open = "open";
    public const string Resolved = "resolved";
    public const string All = "all";

    public static bool IsFilter(string? value) => value is Open or Resolved or All;
}
