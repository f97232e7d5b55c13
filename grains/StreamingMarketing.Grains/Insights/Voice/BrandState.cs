namespace StreamingMarketing.Grains.Insights.Voice;

[GenerateSerializer]
public sealed class BrandState
{
    /// <summary>At most this many competitors are remembered per brand (the union over the campaigns that name it).</summary>
    public const int MaxCompetitors = 50;

    [Id(0)] public string? DisplayName { get; set; }
    [Id(1)] public List<string> Competitors { get; set; } = [];
    [Id(2)] public MentionBuckets Mentions { get; set; } = new();

    public bool IsEmpty => DisplayName is null;
}
