using StreamingMarketing.Recommend.Evaluation;
using StreamingMarketing.Recommend.Training;

namespace StreamingMarketing.Recommend.Model;

/// <summary>A published recommender: one factor model per kind, and the held-out evaluation that let it through.</summary>
public sealed record RecommenderModel(string Version, DateTimeOffset CreatedAt, IReadOnlyDictionary<RecommendationKind, FactorModel> Kinds, IReadOnlyList<KindEvaluation> Evaluation);
