using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// The serving model's sentiment metrics on the fine-tune's validation tweets, for <see cref="FineTuneGate"/>: a
/// fine-tuned serving package is run as served (its encoder, its head); a frozen-encoder one has its recipe re-fitted
/// on the base encoder's embeddings of the candidate's in-distribution training tweets, then scored.
/// </summary>
public static class ServingOnValidation
{
    public static async Task<ValidationMetrics?> MeasureAsync(ModelManifest serving, IModelRegistry registry, SentenceEncoder baseEncoder, FineTuneData data, string cacheDirectory)
    {
        var labels = SentimentService.SentimentLabels;
        var validationTexts = data.Validation.Select(e => e.Text).ToList();
        var truth = data.Validation.Select(e => e.Label).ToArray();
        if (serving.Training.ContainsKey(FineTunedPackage.FineTuneKey))
        {
            var model = LoadedModel.Load(await registry.GetLocalPackageAsync(serving.Version), baseEncoder);
            try
            {
                var probabilities = HeadProbabilities.Predict(model, validationTexts);
                return ClassificationReport.Compute($"{serving.Version} as served, on the same validation tweets", labels, truth, probabilities.Select(ArgMax).ToArray());
            }
            finally
            {
                model.Release();
            }
        }

        if (PublishGate.RecipeOf(serving) is not { } recipe)
        {
            return null;
        }

        var training = data.Training.Where(e => e.InDistribution).ToList();
        var cache = new EmbeddingCache(cacheDirectory, baseEncoder.Sha256);
        var embeddings = CorpusEmbedder.Embed(baseEncoder, [.. training.Select(e => e.Text), .. validationTexts], cache);
        var trainingFeatures = FeatureSet.Build(embeddings[..training.Count], training.Select(e => e.Text).ToList(), recipe.Inputs);
        var validationFeatures = FeatureSet.Build(embeddings[training.Count..], validationTexts, recipe.Inputs);
        var head = recipe.Fit(trainingFeatures, training.Select(e => e.Label).ToArray(), labels.Count);
        var predicted = head.Predict(validationFeatures).Select(ArgMax).ToArray();
        return ClassificationReport.Compute($"{serving.Version}'s recipe ({recipe.Spec}) fitted on the same {training.Count} in-distribution training tweets, scored on the same validation tweets",
            labels, truth, predicted);
    }

    private static int ArgMax(float[] p) => Array.IndexOf(p, p.Max());
}
