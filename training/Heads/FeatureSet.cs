using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>A head's input rows, laid out as <see cref="HeadInputs"/> says.</summary>
public static class FeatureSet
{
    public static float[][] Build(IReadOnlyList<float[]> embeddings, IReadOnlyList<string> texts, HeadInputs inputs)
    {
        if (inputs == default)
        {
            return [.. embeddings];
        }

        var rows = new float[embeddings.Count][];
        Parallel.For(0, rows.Length, i =>
        {
            var row = new float[inputs.Width];
            embeddings[i].CopyTo(row, 0);
            var column = SentenceEncoder.Dimensions;
            if (inputs.Valence)
            {
                ValenceAnalyzer.Default.Score(texts[i]).CopyTo(row.AsSpan(column, ValenceScores.Count));
                column += ValenceScores.Count;
            }

            if (inputs.Insults)
            {
                InsultCues.Score(texts[i], row.AsSpan(column, InsultCues.Count));
            }

            rows[i] = row;
        });
        return rows;
    }

    public static float[][] WithoutLexicon(IReadOnlyList<float[]> rows) =>
        rows.Select(r => r.AsSpan(0, SentenceEncoder.Dimensions).ToArray()).ToArray();
}
