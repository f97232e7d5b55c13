using System.Security.Cryptography;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

/// <summary>
/// Fine-tuned packages built without TorchSharp: the shipped heads plus an encoder delta that shifts one bias of the
/// last layer, so the encoder's output really changes. What the loader does with a delta does not depend on how
/// the weights were trained.
/// </summary>
public static class DeltaPackages
{
    public const string ShiftedTensor = "encoder.layer.5.output.dense.bias";

    public static string Create(string version, string parentDirectory, float shift = 0.5f)
    {
        var target = Packages.CopyAs(version, parentDirectory);
        var files = new EncoderFiles(EncoderFiles.DefaultDirectory);
        var bias = Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(files.ModelPath)).Graph.Initializer.Single(t => t.Name == ShiftedTensor);
        var values = EncoderDelta.FloatValues(bias).Select((v, i) => i % 2 == 0 ? v + shift : v - shift).ToArray();
        var deltaPath = Path.Combine(target, "encoder-delta.pb");
        EncoderDelta.Write(deltaPath, [(ShiftedTensor, bias.Dims.ToArray(), values)]);
        var graph = EncoderDelta.Apply(File.ReadAllBytes(files.ModelPath), EncoderDelta.Read(deltaPath));
        var manifest = ModelManifest.Read(target);
        (manifest with
        {
            Encoder = manifest.Encoder with
            {
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(graph)),
                Delta = new EncoderDeltaReference("encoder-delta.pb", EncoderFiles.HashFile(deltaPath), files.Sha256, 1),
            },
        }).Write(target);
        return target;
    }
}
