using System.Runtime.InteropServices;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// Writes a <see cref="HeadModel"/> as an ONNX model (IR 8, opset 13) built node by node: [Concat(embedding,
/// [lexicon], [insultCues])] → per member MatMul/Add[/Relu]… → Softmax → averaged into "probabilities". Only standard operators,
/// so ONNX Runtime alone serves it. Field numbers are those of onnx.proto.
/// </summary>
public static class OnnxHeadGraph
{
    public const string EmbeddingInput = "embedding";
    public const string LexiconInput = "lexicon";
    public const string InsultCuesInput = "insultCues";
    public const string Output = "probabilities";

    private const int FloatType = 1;

    /// <summary>Initializer names of member <paramref name="member"/>'s layer <paramref name="layer"/>: W stored [inputs × outputs], and b.</summary>
    public static string WeightName(int member, int layer) => $"m{member}_l{layer}_W";

    public static string BiasName(int member, int layer) => $"m{member}_l{layer}_b";

    public static byte[] Build(HeadModel model, int embeddingDimensions, string graphName)
    {
        var graph = new ProtoWriter();
        graph.Text(2, graphName);
        string[] inputs = [EmbeddingInput, .. model.Inputs.Valence ? [LexiconInput] : Array.Empty<string>(), .. model.Inputs.Insults ? [InsultCuesInput] : Array.Empty<string>()];
        var features = EmbeddingInput;
        if (inputs.Length > 1)
        {
            features = "features";
            graph.Message(1, Node("Concat", inputs, features, ("axis", 1)));
        }

        var memberOutputs = new List<string>();
        for (var m = 0; m < model.Members.Count; m++)
        {
            var current = features;
            var layers = model.Members[m].Layers;
            for (var l = 0; l < layers.Count; l++)
            {
                var prefix = $"m{m}_l{l}";
                graph.Message(5, Tensor(WeightName(m, l), Transpose(layers[l]), layers[l].Inputs, layers[l].Outputs));
                graph.Message(5, Tensor(BiasName(m, l), layers[l].Bias, layers[l].Outputs));
                graph.Message(1, Node("MatMul", [current, $"{prefix}_W"], $"{prefix}_mm"));
                graph.Message(1, Node("Add", [$"{prefix}_mm", $"{prefix}_b"], $"{prefix}_z"));
                current = $"{prefix}_z";
                if (layers[l].Relu)
                {
                    graph.Message(1, Node("Relu", [current], $"{prefix}_relu"));
                    current = $"{prefix}_relu";
                }
            }

            var softmax = model.Members.Count == 1 ? Output : $"m{m}_p";
            graph.Message(1, Node("Softmax", [current], softmax, ("axis", 1)));
            memberOutputs.Add(softmax);
        }

        if (model.Members.Count > 1)
        {
            var sum = memberOutputs[0];
            for (var m = 1; m < memberOutputs.Count; m++)
            {
                graph.Message(1, Node("Add", [sum, memberOutputs[m]], $"sum{m}"));
                sum = $"sum{m}";
            }

            graph.Message(5, Tensor("member_share", [1f / model.Members.Count]));
            graph.Message(1, Node("Mul", [sum, "member_share"], Output));
        }

        graph.Message(11, ValueInfo(EmbeddingInput, embeddingDimensions));
        if (model.Inputs.Valence)
        {
            graph.Message(11, ValueInfo(LexiconInput, ValenceScores.Count));
        }

        if (model.Inputs.Insults)
        {
            graph.Message(11, ValueInfo(InsultCuesInput, InsultCues.Count));
        }

        graph.Message(12, ValueInfo(Output, model.Classes));

        return new ProtoWriter()
            .Number(1, 8)                           // ir_version
            .Text(2, "StreamingMarketing.Training") // producer_name
            .Message(7, graph)
            .Message(8, new ProtoWriter().Text(1, "").Number(2, 13))   // opset_import: default domain, opset 13
            .ToArray();
    }

    private static ProtoWriter Node(string op, string[] inputs, string output, params (string Name, long Value)[] attributes)
    {
        var node = new ProtoWriter();
        foreach (var input in inputs)
        {
            node.Text(1, input);
        }

        node.Text(2, output).Text(3, output + "_node").Text(4, op);
        foreach (var (name, value) in attributes)
        {
            node.Message(5, new ProtoWriter().Text(1, name).Number(3, value).Number(20, 2));   // AttributeProto INT
        }

        return node;
    }

    private static ProtoWriter Tensor(string name, float[] values, params long[] dims)
    {
        var tensor = new ProtoWriter();
        foreach (var dim in dims)
        {
            tensor.Number(1, dim);
        }

        // raw_data is little-endian IEEE 754, which is the in-memory layout on every platform .NET runs on here.
        return tensor.Number(2, FloatType).Text(8, name).Bytes(9, MemoryMarshal.AsBytes(values.AsSpan()));
    }

    /// <summary>A float tensor [batch × <paramref name="width"/>], batch symbolic.</summary>
    private static ProtoWriter ValueInfo(string name, int width)
    {
        var shape = new ProtoWriter()
            .Message(1, new ProtoWriter().Text(2, "batch"))
            .Message(1, new ProtoWriter().Number(1, width));
        var tensorType = new ProtoWriter().Number(1, FloatType).Message(2, shape);
        return new ProtoWriter().Text(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }

    /// <summary>MatMul wants W as [inputs × outputs]; layers keep it [outputs × inputs].</summary>
    private static float[] Transpose(DenseLayer layer) => Transpose(layer.Weights, layer.Outputs, layer.Inputs);

    /// <summary>A row-major [rows × columns] matrix as row-major [columns × rows]: between a layer's and MatMul's layouts, both ways.</summary>
    public static float[] Transpose(float[] values, int rows, int columns)
    {
        var result = new float[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[(c * rows) + r] = values[(r * columns) + c];
            }
        }

        return result;
    }
}
