namespace StreamingMarketing.Contracts.Insights;

/// <summary>The answer of <c>GET /api/brands/{brand}/share-of-voice</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record ShareOfVoiceView
{
    [Id(0)] public required string Brand { get; init; }
    [Id(1)] public required string Window { get; init; }
    [Id(2)] public long Mentions { get; init; }

    /// <summary>Mentions of the brand and its competitors together.</summary>
    [Id(3)] public long Total { get; init; }

    /// <summary>The brand's mentions / <see cref="Total"/>; null when nobody was mentioned in the window.</summary>
    [Id(4)] public double? Share { get; init; }
    [Id(5)] public required List<BrandVoice> Competitors { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record BrandVoice([property: Id(0)] string Brand, [property: Id(1)] long Mentions, [property: Id(2)] double? Share);

/// <summary>Windows share of voice is measured over.</summary>
public static class VoiceWindows
{
    public static readonly Dictionary<string, TimeSpan> ByName = new(StringComparer.Ordinal)
    {
        ["1h"] = TimeSpan.FromHours(1),
        ["24h"] = TimeSpan.FromHours(24),
        ["7d"] = TimeSpan.FromDays(7),
        ["30d"] = TimeSpan.FromDays(30),
    };

    /// <summary>Brand names match case-insensitively; the key of a brand's grain is its trimmed lower-case name.</summary>
    public static string BrandKey(string brand) => brand.Trim().ToLowerInvariant();
}

/// <summary>Mentions of one brand per minute of event time, as a campaign grain sends them to the brand's grain.</summary>
[GenerateSerializer, Immutable]
public sealed record BrandMentions(
    [property: Id(0)] string Brand, [property: Id(1)] Dictionary<long, long> CountsByMinute);
