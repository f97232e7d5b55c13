using StreamingMarketing.Contracts.Recommendations;

namespace StreamingMarketing.Gateway.Recommendations;

/// <summary>The OpenAPI example of a recommendation answer: three posts for a user the model knows.</summary>
internal static class RecommendationExamples
{
    public static RecommendationsView Posts => new()
    {
        UserId = "u-42",
        Kind = "post",
        Model = "recommender-20250501-081500",
        Basis = "model",
        Items =
        [
            new RecommendedItem("post-981", 0.912, ["post-17", "post-230"]),
            new RecommendedItem("post-334", 0.874, ["post-17"]),
            new RecommendedItem("post-12", 0.701, ["post-230", "post-5"]),
        ],
    };
}
