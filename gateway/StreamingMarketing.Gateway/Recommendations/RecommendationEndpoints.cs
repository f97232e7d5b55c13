using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Recommendations;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Gateway.Privacy;

namespace StreamingMarketing.Gateway.Recommendations;

/// <summary><c>GET /api/users/{id}/recommendations</c>: posts, hashtags or campaigns for a user, each with its reasons.</summary>
public static class RecommendationEndpoints
{
    /// <summary>Endpoint name (OpenAPI operationId), for the auth table.</summary>
    public const string GetRecommendations = "GetRecommendations";

    public const int MaxK = 100;

    private static readonly string[] Kinds = ["post", "hashtag", "campaign"];

    public static IEndpointRouteBuilder MapRecommendations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/users/{userId}/recommendations", GetAsync)
            .WithName(GetRecommendations)
            .WithTags("Recommendations")
            .WithSummary("Items the user has not interacted with, ranked by the serving recommender, each with the user's items that led to it")
            .WithDescription(
                "kind: post (default), hashtag or campaign. k: 1-100 (default 10). basis model: ranked by the implicit-feedback " +
                "ALS recommender from the user's own likes, comments, shares, clicks and conversions, because listing the " +
                "user's items that contributed most. basis popular-in-interests or popular: a user the model has not seen " +
                "yet gets the most popular items of its interests (or overall). basis none: no recommender is published yet.")
            .Produces<RecommendationsView>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(IClusterClient client, UserIdPseudonymizer pseudonyms, string userId, string? kind, string? k)
    {
        var problems = new List<string>();
        var parsedKind = (kind ?? "post").ToLowerInvariant();
        if (!Kinds.Contains(parsedKind))
        {
            problems.Add($"kind '{kind}' is not one of {string.Join(", ", Kinds)}.");
        }

        var count = 10;
        if (k is not null && !(int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= MaxK))
        {
            problems.Add($"k must be a whole number from 1 to {MaxK} (got '{k}').");
        }

        if (problems.Count > 0)
        {
            return Results.BadRequest(new ErrorResponse(string.Join(" ", problems)));
        }

        foreach (var stored in pseudonyms.Candidates(userId))
        {
            if (await client.GetGrain<IRecommendationGrain>(0).RecommendAsync(stored, parsedKind, count) is { } view)
            {
                return Results.Ok(view with { UserId = userId });
            }
        }

        return Results.NotFound(new ErrorResponse($"No event was ever received for user '{userId}'."));
    }
}
