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
    private readonly IReadOnlyList<float[]> _embeddings;
    private readonly IReadOnlyList<string> _texts;
    private readonly int _classes;
    private readonly int[] _folds;
    private readonly Lazy<float[][]> _withLexicon;
    private readonly ConcurrentDictionary<string, float[][]> _outOfFold = new(StringComparer.Ordinal);

    public CrossValidation(IReadOnlyList<float[]> embeddings, IReadOnlyList<string> texts, IReadOnlyList<int> labels, int classes, int folds, int seed)
    {
        (_embeddings, _texts, Labels, _classes) = (embeddings, texts, labels, classes);
        FoldCount = folds;
        _folds = StratifiedFolds(labels, folds, seed);
        _withLexicon = new Lazy<float[][]>(() => FeatureSet.Build(_embeddings, _texts, lexicon: true));
    }

    public IReadOnlyList<int> Labels { get; }

    public int FoldCount { get; }

    public IReadOnlyList<float[]> Features(bool lexicon) => lexicon ? _withLexicon.Value : _embeddings;

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
        if (_outOfFold.TryGetValue(recipe.Spec, out var known))
        {
            return known;
        }

        float[][] probabilities;
        if (recipe is EnsembleRecipe ensemble)
        {
            var members = ensemble.Members.Select(OutOfFold).ToList();
            probabilities = Enumerable.Range(0, Labels.Count)
                .Select(i => Enumerable.Range(0, _classes).Select(c => members.Sum(m => m[i][c]) / members.Count).ToArray())
                .ToArray();
        }
        else
        {
            var features = Features(recipe.UsesLexicon);
            probabilities = new float[Labels.Count][];
            // Folds train in parallel (each fit is single-threaded), one per core.
            Parallel.For(0, FoldCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, fold =>
            {
                var train = Enumerable.Range(0, Labels.Count).Where(i => _folds[i] != fold).ToArray();
                var test = Enumerable.Range(0, Labels.Count).Where(i => _folds[i] == fold).ToArray();
                var model = recipe.Fit(train.Select(i => features[i]).ToArray(), train.Select(i => Labels[i]).ToArray(), _classes);
                foreach (var i in test)
                {
                    probabilities[i] = model.Predict(features[i]);
                }
            });
        }

        _outOfFold[recipe.Spec] = probabilities;
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
