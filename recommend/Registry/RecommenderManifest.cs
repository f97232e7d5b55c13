using StreamingMarketing.Recommend.Evaluation;

namespace StreamingMarketing.Recommend.Registry;

/// <summary>A package's <c>recommender.json</c>: what it is, the factors file's SHA-256, and the evaluation that let it through.</summary>
public sealed record RecommenderManifest(string Version, DateTimeOffset CreatedAt, string Algorithm, string FactorsSha256, IReadOnlyList<KindEvaluation> Evaluation)
{
    public const string FileName = "recommender.json";
    public const string AlgorithmName = "implicit-als (Hu, Koren, Volinsky 2008)";
}
