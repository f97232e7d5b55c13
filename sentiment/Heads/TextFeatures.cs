namespace StreamingMarketing.Sentiment;

/// <summary>
/// The per-text inputs heads take beside the embedding, row-major in a batch's row order: VADER's valence scores
/// ([rows × 4]) and insult cues ([rows × 4]). Serving and training's replay of the served path compute them here.
/// </summary>
public static class TextFeatures
{
    /// <summary>Valence scores of <paramref name="texts"/> in the order <paramref name="order"/> (identity when null).</summary>
    public static float[] Valence(IReadOnlyList<string> texts, IReadOnlyList<int>? order = null)
    {
        var rows = order?.Count ?? texts.Count;
        var features = new float[rows * ValenceScores.Count];
        for (var row = 0; row < rows; row++)
        {
            ValenceAnalyzer.Default.Score(texts[order?[row] ?? row]).CopyTo(features.AsSpan(row * ValenceScores.Count, ValenceScores.Count));
        }

        return features;
    }

    /// <summary>Insult cues of <paramref name="texts"/> in the order <paramref name="order"/> (identity when null).</summary>
    public static float[] InsultCues(IReadOnlyList<string> texts, IReadOnlyList<int>? order = null)
    {
        var rows = order?.Count ?? texts.Count;
        var features = new float[rows * Sentiment.InsultCues.Count];
        for (var row = 0; row < rows; row++)
        {
            Sentiment.InsultCues.Score(texts[order?[row] ?? row], features.AsSpan(row * Sentiment.InsultCues.Count, Sentiment.InsultCues.Count));
        }

        return features;
    }
}
