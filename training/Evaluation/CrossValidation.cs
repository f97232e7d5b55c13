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
    private readonly ConcurrentDictionary<HeadInputs, Lazy<float[][]>> features;
    private readonly ConcurrentDictionary<string, float[][]> outOfFold = new(StringComparer.Ordinal);

    public CrossValidation(IReadOnlyList<float[]> embeddings, IReadOnlyList<string> texts, IReadOnlyList<int> labels, int classes, int folds, int seed,
        IReadOnlyList<float>? weights = null, IReadOnlyList<string?>? groups = null)
    {
        (this.embeddings, this.texts, Labels, this.classes, Weights) = (embeddings, texts, labels, classes, weights);
        FoldCount = folds;
        this.folds = groups is null ? StratifiedFolds(labels, folds, seed) : GroupedFolds(labels, groups, folds, seed);
        features = new();
    }

    private CrossValidation(CrossValidation source, IReadOnlyList<float>? weights)
    {
        (embeddings, texts, Labels, classes, Weights, FoldCount, folds, features) =
            (source.embeddings, source.texts, source.Labels, source.classes, weights, source.FoldCount, source.folds, source.features);
    }

    public IReadOnlyList<int> Labels { get; }

    /// <summary>Row weights every fit uses (null: all 1).</summary>
    public IReadOnlyList<float>? Weights { get; }

    /// <summary>The same rows, features and folds, fitted with other row weights.</summary>
    public CrossValidation WithWeights(IReadOnlyList<float>? weights) => new(this, weights);

    public int FoldCount { get; }

    /// <summary>Every row's features as <paramref name="inputs"/> lays them out, built once per layout.</summary>
    public IReadOnlyList<float[]> Features(HeadInputs inputs) =>
        inputs == default ? embeddings : features.GetOrAdd(inputs, i => new Lazy<float[][]>(() => FeatureSet.Build(embeddings, texts, i))).Value;

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

    /// <summary>Stratified folds for the ungrouped rows; a grouped row's fold is a hash of its group key.</summary>
    public static int[] GroupedFolds(IReadOnlyList<int> labels, IReadOnlyList<string?> groups, int folds, int seed)
    {
        var ungrouped = Enumerable.Range(0, labels.Count).Where(i => groups[i] is null).ToArray();
        var inner = StratifiedFolds(ungrouped.Select(i => labels[i]).ToArray(), folds, seed);
        var assignment = new int[labels.Count];
        for (var j = 0; j < ungrouped.Length; j++)
        {
            assignment[ungrouped[j]] = inner[j];
        }

        for (var i = 0; i < labels.Count; i++)
        {
            if (groups[i] is { } group)
            {
                var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{seed}#{group}"));
                assignment[i] = (int)(BitConverter.ToUInt32(hash, 0) % (uint)folds);
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
            var features = Features(recipe.Inputs);
            probabilities = new float[Labels.Count][];
            // Folds train in parallel (each fit is single-threaded), one per core.
            Parallel.For(0, FoldCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, fold =>
            {
                var train = Enumerable.Range(0, Labels.Count).Where(i => folds[i] != fold).ToArray();
                var test = Enumerable.Range(0, Labels.Count).Where(i => folds[i] == fold).ToArray();
                var model = recipe.Fit(train.Select(i => features[i]).ToArray(), train.Select(i => Labels[i]).ToArray(), classes,
                    Weights is { } weights ? train.Select(i => weights[i]).ToArray() : null);
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
