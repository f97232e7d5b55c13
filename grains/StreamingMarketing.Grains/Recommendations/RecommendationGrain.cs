using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Recommendations;
using StreamingMarketing.Recommend.Serving;
using StreamingMarketing.Recommend.Training;

namespace StreamingMarketing.Grains.Recommendations;

/// <summary>
/// Answers recommendation requests from the silo's serving recommender. A stateless worker: the model is read-only
/// and in every silo, so requests run where they land. A user the model has not seen (new since the last training)
/// gets the most popular items carrying its interests, and the answer's basis says so.
/// </summary>
[StatelessWorker]
public sealed class RecommendationGrain(IOptions<RecommenderOptions> options, RecommenderService? recommender = null) : Grain, IRecommendationGrain
{
    private readonly int maxBecause = options.Value.MaxBecause;

    public async Task<RecommendationsView?> RecommendAsync(string userId, string kind, int k)
    {
        if (!RecommendationKinds.TryParse(kind, out var parsed))
        {
            throw new ArgumentException($"kind '{kind}' is not one of post, hashtag, campaign.", nameof(kind));
        }

        var profile = await GrainFactory.GetGrain<IUserProfileGrain>(userId).GetViewAsync();
        if (profile is null)
        {
            return null;
        }

        var model = recommender?.Current;
        if (model is null || !model.Kinds.TryGetValue(parsed, out var factors))
        {
            return new RecommendationsView { UserId = userId, Kind = parsed.ToWireName(), Model = model?.Version, Items = [], Basis = "none" };
        }

        if (factors.Knows(userId))
        {
            return new RecommendationsView
            {
                UserId = userId,
                Kind = parsed.ToWireName(),
                Model = model.Version,
                Items = [.. factors.Recommend(userId, k, maxBecause).Select(r => new RecommendedItem(r.Id, Math.Round(r.Score, 6), [.. r.Because]))],
                Basis = "model",
            };
        }

        var interests = profile.Interests.Select(i => i.Tag).ToList();
        var exclude = parsed == RecommendationKind.Hashtag ? interests.ToHashSet(StringComparer.Ordinal) : null;
        var popular = factors.Popular(k, parsed == RecommendationKind.Hashtag ? null : interests, exclude);
        return new RecommendationsView
        {
            UserId = userId,
            Kind = parsed.ToWireName(),
            Model = model.Version,
            Items = [.. popular.Select(r => new RecommendedItem(r.Id, r.Score, [.. r.Because]))],
            Basis = popular.Any(r => r.Because.Count > 0) ? "popular-in-interests" : "popular",
        };
    }
}
