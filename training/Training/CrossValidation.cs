namespace StreamingMarketing.Training;

/// <summary>Stratified k-fold split with a fixed seed, so every hyper-parameter setting sees the same folds.</summary>
public static class CrossValidation
{
    public static int[] StratifiedFolds(IReadOnlyList<int> labels, int folds, int seed)
    {
        var random = new Random(seed);
        var assignment = new int[labels.Count];
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]))
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

    /// <summary>Out-of-fold class predictions: each example predicted by the model that did not see it.</summary>
    public static int[] OutOfFoldPredictions(HeadTrainer trainer, IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int[] folds, HeadHyperParameters hyperParameters)
    {
        var predicted = new int[labels.Count];
        foreach (var fold in folds.Distinct().Order())
        {
            var train = Enumerable.Range(0, labels.Count).Where(i => folds[i] != fold).ToArray();
            var test = Enumerable.Range(0, labels.Count).Where(i => folds[i] == fold).ToArray();
            var model = trainer.Fit(train.Select(i => features[i]).ToArray(), train.Select(i => labels[i]).ToArray(), hyperParameters);
            var probabilities = trainer.Predict(model, test.Select(i => features[i]).ToArray());
            for (var j = 0; j < test.Length; j++)
            {
                predicted[test[j]] = ArgMax(probabilities[j]);
            }
        }

        return predicted;
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
