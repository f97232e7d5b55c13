using Onnx;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// The weights a fine-tune starts from: the base encoder's, or a fine-tuned package's (base graph + its delta,
/// checked against the manifest's encoder hash as the silo checks it), so a run can continue the serving model's
/// fine-tune. The new delta holds only the layers this run trains, so those must include every layer the package
/// changed, or its fine-tuning would be lost from the package written.
/// </summary>
public static class StartingEncoder
{
    /// <summary>
    /// The package's sentiment head when it is one linear layer over the embedding (the jointly trained head a
    /// fine-tune ships when it wins), so a continued run starts from a trained head, not a random one whose first
    /// gradients would shake the encoder it continues; null for any other head, which the run then learns afresh.
    /// </summary>
    public static DenseLayer? ReadLinearSentimentHead(string? fromPackage)
    {
        if (fromPackage is null)
        {
            return null;
        }

        // Called after Read(), which verified the package's hashes; verifying again would hash the delta twice.
        var manifest = ModelManifest.Read(fromPackage);
        var graph = ModelProto.Parser.ParseFrom(File.ReadAllBytes(Path.Combine(fromPackage, manifest.Head.File))).Graph;
        if (graph.Input.Any(i => i.Name == OnnxHeadGraph.LexiconInput) || graph.Node.Count(n => n.OpType == "MatMul") != 1)
        {
            return null;
        }

        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var weight = initializers[OnnxHeadGraph.WeightName(0, 0)];
        var (inputs, outputs) = ((int)weight.Dims[0], (int)weight.Dims[1]);
        return new DenseLayer(inputs, outputs, OnnxHeadGraph.Transpose(EncoderDelta.FloatValues(weight), inputs, outputs),
            EncoderDelta.FloatValues(initializers[OnnxHeadGraph.BiasName(0, 0)]), Relu: false);
    }

    public static OnnxEncoderWeights Read(string? fromPackage, SentenceEncoder baseEncoder, int trainedLayers)
    {
        if (fromPackage is null)
        {
            return OnnxEncoderWeights.Read(baseEncoder.Files.ModelPath);
        }

        var manifest = ModelPackage.Verify(fromPackage);
        var delta = manifest.Encoder.Delta
            ?? throw new ModelPackageException($"{manifest.Version} has a frozen encoder, nothing to continue: leave out --from to start from the base encoder.");
        var (graph, _) = FineTunedEncoder.Graph(fromPackage, manifest, baseEncoder);
        var tensors = EncoderDelta.Read(Path.Combine(fromPackage, delta.File));
        var weights = OnnxEncoderWeights.FromModel(ModelProto.Parser.ParseFrom(graph));
        var changed = tensors.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var firstTrained = BertSentenceEncoder.LayerCount - trainedLayers;
        var dropped = weights.ByTorchName.Where(w => changed.Contains(w.Value.GraphName) && !(BertSentenceEncoder.LayerOf(w.Key) >= firstTrained)).Select(w => w.Key).Order().ToList();
        return dropped.Count == 0 ? weights
            : throw new ModelPackageException($"{manifest.Version} fine-tuned {dropped[0]}, which --layers {trainedLayers} does not train: its change would be lost from the new package. Train at least the layers it trained.");
    }
}
