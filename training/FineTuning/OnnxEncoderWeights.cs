using Onnx;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training.FineTuning;

/// <summary>
/// The encoder's weights as they sit in the exported ONNX graph, by their PyTorch (Hugging Face BERT) names. The
/// exporter kept the names of biases, embeddings and LayerNorm parameters, but stored each Linear weight as a
/// numbered MatMul initializer, transposed ([in × out]). Those are found from the graph itself: the MatMul whose
/// output is added to "X.bias" holds "X.weight".
/// </summary>
public sealed class OnnxEncoderWeights
{
    private readonly Dictionary<string, OnnxWeight> weights;

    private OnnxEncoderWeights(Dictionary<string, OnnxWeight> weights) => this.weights = weights;

    public IReadOnlyDictionary<string, OnnxWeight> ByTorchName => weights;

    public static OnnxEncoderWeights Read(string modelPath) => FromModel(ModelProto.Parser.ParseFrom(File.ReadAllBytes(modelPath)));

    public static OnnxEncoderWeights FromModel(ModelProto model)
    {
        var initializers = model.Graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var producers = model.Graph.Node.SelectMany(n => n.Output.Select(o => (Output: o, Node: n))).ToDictionary(p => p.Output, p => p.Node, StringComparer.Ordinal);
        var weights = new Dictionary<string, OnnxWeight>(StringComparer.Ordinal);
        foreach (var tensor in initializers.Values.Where(t => t.DataType == (int)TensorProto.Types.DataType.Float && !IsNumbered(t.Name)))
        {
            weights[tensor.Name] = new OnnxWeight(tensor.Name, [.. tensor.Dims], Transposed: false, EncoderDelta.FloatValues(tensor));
        }

        foreach (var add in model.Graph.Node.Where(n => n.OpType == "Add"))
        {
            var bias = add.Input.FirstOrDefault(i => i.EndsWith(".bias", StringComparison.Ordinal) && initializers.ContainsKey(i));
            var other = add.Input.FirstOrDefault(i => i != bias);
            if (bias is null || other is null || !producers.TryGetValue(other, out var matMul) || matMul.OpType != "MatMul"
                || !initializers.TryGetValue(matMul.Input[1], out var weight))
            {
                continue;
            }

            var torchName = bias[..^".bias".Length] + ".weight";
            weights[torchName] = new OnnxWeight(weight.Name, [.. weight.Dims], Transposed: true, EncoderDelta.FloatValues(weight));
        }

        return new OnnxEncoderWeights(weights);
    }

    public OnnxWeight this[string torchName] => weights.TryGetValue(torchName, out var weight)
        ? weight
        : throw new InvalidOperationException($"The encoder graph has no weight for '{torchName}'; is it all-MiniLM-L6-v2?");

    private static bool IsNumbered(string name) => name.All(char.IsAsciiDigit);
}

/// <summary>
/// One initializer: its graph name, its dims in the graph, and whether it is the transpose of the PyTorch parameter
/// (Linear weights are stored [in × out] for MatMul; PyTorch keeps [out × in]).
/// </summary>
public sealed record OnnxWeight(string GraphName, long[] Dims, bool Transposed, float[] Values);
