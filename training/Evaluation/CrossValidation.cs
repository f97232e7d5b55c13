using System.Collections.Concurrent;

namespace StreamingMarketing.Training;

/// <summary>
/// Stratified k-fold cross-validation with a fixed seed: every recipe (and the serving model's recipe, for the
/// gate) sees the same folds of the same data. Out-of-fold probabilities are memoised per recipe, so an ensemble
/// of already evaluated members costs nothing more: its members' out-of-fold probabilities are averaged, which
/// is exactly what fitting the ensemble per fold would predict.
/// </summary>
public sealed class CrossValidation
{
    private readonly IReadOnlyList<float[]> embeddings;
    private readonly IReadOnlyList<string> texts;
    private readonly int classes;
    private readonly int[] folds;
    private readonly Lazy<float[][]> withLexicon;
    private readonly ConcurrentDictionary<string, float[][]> outOfFold = new(StringComparer.Ordinal);

    public CrossValidation(IReadOnlyList<float[]> embeddings, IReadOnlyList<string> texts, IReadOnlyList<int> labels, int classes, int folds, int seed)
    {
        (this.embeddings, this.texts, Labels, this.classes) = (embeddings, texts, labels, classes);
        FoldCount = folds;
        this.folds = StratifiedFolds(labels, folds, seed);
        withLexicon = new Lazy<float[][]>(() => FeatureSet.Build(this.embeddings, this.texts, lexicon: true));
    }

    public IReadOnlyList<int> Labels { get; }

    public int FoldCount { get; }

    public IReadOnlyList<float[]> Features(bool lexicon) => lexicon ? withLexicon.Value : embeddings;

    public static int[] StratifiedFolds(IReadOnlyList<int> labels, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[labels.Count];
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var j = 0; j < members.Length; j++)
            {
                assignment[members[j]] = j % folds;
            }
        }

        return assignment;
    }

    /// <summary>Each example's class probabilities from the model fitted without its fold.</summary>
    public float[][] OutOfFold(HeadRecipe recipe)
    {
        if (outOfFold.TryGetValue(recipe.Spec, out var known))
        {
            return known;
        }

        float[][] probabilities;
        if (recipe is EnsembleRecipe ensemble)
        {
            var members = ensemble.Members.Select(OutOfFold).ToList();
            probabilities = Enumerable.Range(0, Labels.Count)
                .Select(i => Enumerable.Range(0, classes).Select(c => members.Sum(m => m[i][c]) / members.Count).ToArray())
                .ToArray();
        }
        else
        {
            var features = Features(recipe.UsesLexicon);
            probabilities = new float[Labels.Count][];
            // Folds train in parallel (each fit is single-threaded), one per core.
            Parallel.For(0, FoldCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, fold =>
            {
                var train = Enumerable.Range(0, Labels.Count).Where(i => folds[i] != fold).ToArray();
                var test = Enumerable.Range(0, Labels.Count).Where(i => folds[i] == fold).ToArray();
                var model = recipe.Fit(train.Select(i => features[i]).ToArray(), train.Select(i => Labels[i]).ToArray(), classes);
                foreach (var i in test)
                {
                    probabilities[i] = model.Predict(features[i]);
                }
            });
        }

        outOfFold[recipe.Spec] = probabilities;
        return probabilities;
    }

    public static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
