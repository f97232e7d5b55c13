using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// Writes the fitted head as ONNX and proves ONNX Runtime reproduces ML.NET's probabilities on the training
/// embeddings, so serving (ONNX Runtime only) and training (ML.NET) cannot silently disagree.
/// </summary>
public static class OnnxHeadExporter
{
    public const double Tolerance = 1e-5;

    public static HeadReference Export(HeadTrainer trainer, ITransformer model, IReadOnlyList<float[]> features, string path, int classes, TextWriter log)
    {
        using (var stream = File.Create(path))
        {
            trainer.ExportOnnx(model, features, stream);
        }

        string input, output;
        using (var session = new InferenceSession(path))
        {
            input = session.InputMetadata.Keys.Single();
            // ML.NET names graph outputs "<column>.output"; "Score" carries the class probabilities.
            output = session.OutputMetadata.Keys.Single(name => name.StartsWith("Score", StringComparison.Ordinal));
        }

        var expected = trainer.Predict(model, features);
        using var head = new HeadSession(path, input, output, classes);
        var actual = head.Predict(features.SelectMany(f => f).ToArray(), features.Count);
        var worst = 0.0;
        for (var row = 0; row < expected.Length; row++)
        {
            for (var c = 0; c < classes; c++)
            {
                worst = Math.Max(worst, Math.Abs(expected[row][c] - actual[(row * classes) + c]));
            }
        }

        log.WriteLine($"ONNX head: input '{input}', output '{output}'; ONNX Runtime vs ML.NET max |Δp| = {worst:E2} over {expected.Length} rows");
        if (worst > Tolerance)
        {
            throw new InvalidOperationException($"The exported head disagrees with ML.NET by {worst:E2} (> {Tolerance:E0}); refusing to package it.");
        }

        return new HeadReference(Path.GetFileName(path), EncoderFiles.HashFile(path), input, output);
    }
}
