namespace StreamingMarketing.Training;

/// <summary>Per-feature mean and standard deviation of a training set; trainers fit on standardised features.</summary>
public sealed record Standardiser(float[] Mean, float[] Scale)
{
    public static Standardiser Fit(IReadOnlyList<float[]> rows)
    {
        var dims = rows[0].Length;
        var mean = new double[dims];
        var square = new double[dims];
        foreach (var row in rows)
        {
            for (var d = 0; d < dims; d++)
            {
                mean[d] += row[d];
                square[d] += (double)row[d] * row[d];
            }
        }

        var scale = new float[dims];
        for (var d = 0; d < dims; d++)
        {
            mean[d] /= rows.Count;
            var variance = Math.Max(0, (square[d] / rows.Count) - (mean[d] * mean[d]));
            // A constant feature (e.g. no lexicon word in any text of a tiny set) is left unscaled.
            scale[d] = variance > 1e-12 ? (float)Math.Sqrt(variance) : 1f;
        }

        return new Standardiser(mean.Select(m => (float)m).ToArray(), scale);
    }

    public float[] Apply(float[] row)
    {
        var result = new float[row.Length];
        for (var d = 0; d < row.Length; d++)
        {
            result[d] = (row[d] - Mean[d]) / Scale[d];
        }

        return result;
    }

    public float[][] Apply(IReadOnlyList<float[]> rows) => rows.Select(Apply).ToArray();
}
