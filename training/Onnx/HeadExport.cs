using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// Writes a head as ONNX and proves ONNX Runtime (through the serving <see cref="HeadSession"/>) reproduces the
/// trainer's probabilities on the training rows, so serving and training cannot silently disagree.
/// </summary>
public static class HeadExport
{
    public const double Tolerance = 1e-4;

    public static HeadReference Write(HeadModel model, string path, IReadOnlyList<float[]> features, string task)
    {
        File.WriteAllBytes(path, OnnxHeadGraph.Build(model, SentenceEncoder.Dimensions, task));
        var reference = new HeadReference(Path.GetFileName(path), EncoderFiles.HashFile(path), OnnxHeadGraph.EmbeddingInput, OnnxHeadGraph.Output,
            model.Inputs.Valence ? OnnxHeadGraph.LexiconInput : null, model.Inputs.Insults ? OnnxHeadGraph.InsultCuesInput : null);

        var rows = features.Count;
        var embeddings = Columns(features, 0, SentenceEncoder.Dimensions);
        var lexicon = model.Inputs.Valence ? Columns(features, SentenceEncoder.Dimensions, ValenceScores.Count) : null;
        var insultCues = model.Inputs.Insults ? Columns(features, model.Inputs.Width - InsultCues.Count, InsultCues.Count) : null;

        using var session = new HeadSession(path, reference, model.Classes);
        var actual = session.Predict(embeddings, rows, lexicon, insultCues);
        var worst = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var expected = model.Predict(features[i]);
            for (var c = 0; c < model.Classes; c++)
            {
                worst = Math.Max(worst, Math.Abs(expected[c] - actual[(i * model.Classes) + c]));
            }
        }

        if (worst > Tolerance)
        {
            throw new InvalidOperationException($"The exported {task} head disagrees with the trainer by {worst:E2} (> {Tolerance:E0}); refusing to package it.");
        }

        return reference;
    }

    /// <summary>Columns [<paramref name="start"/>, +<paramref name="count"/>) of every row, row-major.</summary>
    private static float[] Columns(IReadOnlyList<float[]> rows, int start, int count)
    {
        var values = new float[rows.Count * count];
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].AsSpan(start, count).CopyTo(values.AsSpan(i * count));
        }

        return values;
    }
}
