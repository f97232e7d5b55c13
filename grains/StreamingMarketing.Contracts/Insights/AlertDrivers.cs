namespace StreamingMarketing.Contracts.Insights;

/// <summary>
/// Why an alert opened: what rose most against its own baseline over the last <see cref="Window"/> when it opened,
/// by kind, most bursting first (at most <see cref="MaxPerKind"/> each). Counts are the trend sketches' decayed counts
/// (<see cref="TrendingItem.Recent"/> against <see cref="TrendingItem.Expected"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertDrivers
{
    public const int MaxPerKind = 3;

    /// <summary>The span the rise is measured over (the short trend window).</summary>
    [Id(0)] public required string Window { get; init; }

    /// <summary>
    /// What keywords, authors and platforms were counted over: <see cref="AlertDriverBasis.Events"/>, or only negative
    /// texts for the negative-sentiment rule. Hashtags and posts always count all events (a score carries neither).
    /// </summary>
    [Id(1)] public required string Basis { get; init; }
    [Id(2)] public required List<TrendingItem> Hashtags { get; init; }
    [Id(3)] public required List<TrendingItem> Keywords { get; init; }

    /// <summary>Users whose events (or negative texts) rose most.</summary>
    [Id(4)] public required List<TrendingItem> Authors { get; init; }
    [Id(5)] public required List<TrendingItem> Platforms { get; init; }
    [Id(6)] public required List<TrendingItem> Posts { get; init; }
}

public static class AlertDriverBasis
{
    public const string Events = "events";
    public const string NegativeTexts = "negative-texts";
}
