using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>A loaded package's sentiment probabilities for texts, computed the way the silo computes them (its encoder, VADER features, head graph).</summary>
public static class HeadProbabilities
{
    private const int Batch = 64;

    public static float[][] Predict(LoadedModel model, IReadOnlyList<string> texts)
    {
        var encoder = model.Encoder ?? throw new InvalidOperationException("The model was loaded without its encoder.");
        var labels = model.Manifest.Labels.Count;
        var result = new float[texts.Count][];
        foreach (var chunk in Enumerable.Range(0, texts.Count).Chunk(Batch))
        {
            var embeddings = encoder.Embed(chunk.Select(i => encoder.Tokenizer.Tokenize(texts[i])).ToArray());
            var probabilities = model.Predict(embeddings, chunk.Length,
                model.UsesLexicon ? TextFeatures.Valence(texts, chunk) : null,
                model.UsesInsultCues ? TextFeatures.InsultCues(texts, chunk) : null)[model.Manifest.Task];
            for (var row = 0; row < chunk.Length; row++)
            {
                result[chunk[row]] = probabilities.AsSpan(row * labels, labels).ToArray();
            }
        }

        return result;
    }
}
