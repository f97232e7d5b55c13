namespace StreamingMarketing.Recommend.Serving;

/// <summary>How silos serve recommendations; bound from configuration section <c>Recommender</c>.</summary>
public sealed class RecommenderOptions
{
    public const string SectionName = "Recommender";

    /// <summary>How often a silo looks for a newly promoted recommender; a publish is served within this plus the load.</summary>
    public TimeSpan RegistryPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The user's own items listed as the reasons for each recommendation.</summary>
    public int MaxBecause { get; set; } = 3;
}
