using StreamingMarketing.Contracts.Recommendations;

namespace StreamingMarketing.Contracts.Grains;

/// <summary>Recommendations from the silo's serving recommender (a stateless worker; key 0).</summary>
public interface IRecommendationGrain : IGrainWithIntegerKey
{
    /// <summary>Null for a user never seen. <paramref name="kind"/>: post, hashtag or campaign; <paramref name="k"/>: 1–100.</summary>
    Task<RecommendationsView?> RecommendAsync(string userId, string kind, int k);
}
