namespace StreamingMarketing.Recommend.Training;

/// <summary>What is recommended: posts, hashtags or campaigns; one factor model each.</summary>
public enum RecommendationKind
{
    Post,
    Hashtag,
    Campaign,
}

public static class RecommendationKinds
{
    public static readonly RecommendationKind[] All = Enum.GetValues<RecommendationKind>();

    public static string ToWireName(this RecommendationKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out RecommendationKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.ToWireName(), value, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
