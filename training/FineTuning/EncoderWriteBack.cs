using System.Security.Cryptography;
using StreamingMarketing.Sentiment;
using static TorchSharp.torch;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>A fine-tuned encoder back in ONNX: the delta file written, the graph it makes, its hash, and its distance from TorchSharp.</summary>
public sealed record WrittenEncoder(string DeltaPath, int Tensors, byte[] Graph, string Sha256, double MaxDifference);

/// <summary>
/// Writes the trained layers' weights into the encoder graph's own initializers (same names, same [in × out]
/// layout for MatMul weights, same operators) as a delta, applies it to the base graph exactly as the silo does
/// (<see cref="EncoderDelta.Apply"/>), and refuses the result unless ONNX Runtime on it matches TorchSharp within
/// <see cref="EncoderParity.Tolerance"/> on the given texts.
/// </summary>
public static class EncoderWriteBack
{
    public static WrittenEncoder Write(BertSentenceEncoder encoder, OnnxEncoderWeights baseWeights, SentenceEncoder baseEncoder, string deltaPath, IReadOnlyList<string> checkTexts)
    {
        var tensors = new List<(string, long[], float[])>();
        using (no_grad())
        {
            foreach (var (name, parameter) in encoder.TrainedWeights())
            {
                var target = baseWeights[name];
                using var value = target.Transposed ? parameter.detach().cpu().t().contiguous() : parameter.detach().cpu().contiguous();
                tensors.Add((target.GraphName, target.Dims, value.data<float>().ToArray()));
            }
        }

        EncoderDelta.Write(deltaPath, tensors);
        var graph = EncoderDelta.Apply(File.ReadAllBytes(baseEncoder.Files.ModelPath), EncoderDelta.Read(deltaPath));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(graph));
        using var onnx = baseEncoder.WithGraph(graph, sha256);
        var difference = EncoderParity.MaxDifference(encoder, onnx, checkTexts);
        if (difference > EncoderParity.Tolerance)
        {
            throw new InvalidOperationException($"ONNX Runtime on the rewritten encoder differs from TorchSharp by {difference:E2} (> {EncoderParity.Tolerance:E0}); refusing to package it.");
        }

        return new WrittenEncoder(deltaPath, tensors.Count, graph, sha256, difference);
    }
}
