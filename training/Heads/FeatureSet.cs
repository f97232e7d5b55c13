using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>A head's input rows: the 384-d embedding, followed by VADER's valence scores for lexicon recipes.</summary>
public static class FeatureSet
{
    public static float[][] Build(IReadOnlyList<float[]> embeddings, IReadOnlyList<string> texts, bool lexicon)
    {
        if (!lexicon)
        {
            return [.. embeddings];
        }

        var rows = new float[embeddings.Count][];
        Parallel.For(0, rows.Length, i =>
        {
            var row = new float[SentenceEncoder.Dimensions + ValenceScores.Count];
            embeddings[i].CopyTo(row, 0);
            ValenceAnalyzer.Default.Score(texts[i]).CopyTo(row.AsSpan(SentenceEncoder.Dimensions));
            rows[i] = row;
        });
        return rows;
    }

    public static float[][] WithoutLexicon(IReadOnlyList<float[]> rows) =>
        rows.Select(r => r.AsSpan(0, SentenceEncoder.Dimensions).ToArray()).ToArray();
}
