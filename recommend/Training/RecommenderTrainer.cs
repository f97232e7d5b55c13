using System.Diagnostics;
using StreamingMarketing.Archive.Segments;
using StreamingMarketing.Recommend.Evaluation;
using StreamingMarketing.Recommend.Model;

namespace StreamingMarketing.Recommend.Training;

/// <summary>
/// Trains one model per kind from archived events: first on each user's older interactions, judged on their latest
/// beside popularity (<see cref="HoldoutSplit"/>), then again on everything for the package that serves.
/// </summary>
public sealed class RecommenderTrainer(AlsSettings settings, HoldoutSplit split, int k = 10)
{
    public RecommenderModel Train(IReadOnlyList<ArchivedEvent> events, string version, CancellationToken cancellationToken = default)
    {
        var kinds = new Dictionary<RecommendationKind, FactorModel>();
        var evaluations = new List<KindEvaluation>();
        foreach (var kind in RecommendationKinds.All)
        {
            var interactions = events
                .SelectMany(e => InteractionSet.FromEvent(e, kind).Select(i => (i, kind == RecommendationKind.Hashtag ? Array.Empty<string>() : e.Hashtags.ToArray())))
                .ToList();
            if (interactions.Count == 0)
            {
                continue;
            }

            var (train, heldOut) = split.Split(interactions);
            var clock = Stopwatch.StartNew();
            var candidate = FactorModel.Train(train, settings, cancellationToken);
            var seconds = clock.Elapsed.TotalSeconds;
            var model = RankingMetrics.Evaluate(heldOut, user => candidate.Knows(user) ? candidate.Recommend(user, k, because: 0).Select(r => r.Id).ToList() : null, k);
            var popularity = RankingMetrics.Evaluate(heldOut, user =>
            {
                if (train.UserIndex(user) is not { } u)
                {
                    return null;
                }

                var seen = train.Rows[u].Keys.Select(i => train.Items[i]).ToHashSet(StringComparer.Ordinal);
                return candidate.Popular(k, exclude: seen).Select(r => r.Id).ToList();
            }, k);

            var all = new InteractionSet();
            foreach (var (interaction, tags) in interactions)
            {
                all.Add(interaction, tags);
            }

            kinds[kind] = FactorModel.Train(all, settings, cancellationToken);
            evaluations.Add(new KindEvaluation(kind.ToWireName(), model, popularity, all.Users.Count, all.Items.Count, all.InteractionCount, seconds));
        }

        return new RecommenderModel(version, DateTimeOffset.UtcNow, kinds, evaluations);
    }
}
