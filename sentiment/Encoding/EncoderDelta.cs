using Google.Protobuf;
using Onnx;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// A fine-tuned encoder shipped as what changed: the fine-tuned initializers (tensors by graph name), stored as an
/// ONNX <c>GraphProto</c> that holds only initializers. Applied to the base all-MiniLM-L6-v2 graph it gives the
/// fine-tuned graph: same nodes and operators, new initializer values. A package stays a few MB instead of 87 MiB.
/// </summary>
public static class EncoderDelta
{
    /// <summary>Float tensors from a delta file, in file order.</summary>
    public static IReadOnlyList<TensorProto> Read(string path)
    {
        using var stream = File.OpenRead(path);
        return GraphProto.Parser.ParseFrom(stream).Initializer;
    }

    public static void Write(string path, IEnumerable<(string Name, long[] Dims, float[] Values)> tensors)
    {
        var graph = new GraphProto { Name = "encoder-delta" };
        foreach (var (name, dims, values) in tensors)
        {
            graph.Initializer.Add(FloatTensor(name, dims, values));
        }

        using var stream = File.Create(path);
        graph.WriteTo(stream);
    }

    public static TensorProto FloatTensor(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.AddRange(dims);
        // ONNX raw_data is little-endian, as are the machines this runs on.
        tensor.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return tensor;
    }

    /// <summary>
    /// The base graph with each delta tensor replacing the initializer of the same name. A delta naming a tensor the
    /// graph lacks, or with another shape or type, belongs to another encoder and is refused.
    /// </summary>
    public static byte[] Apply(byte[] baseModel, IReadOnlyList<TensorProto> delta)
    {
        var model = ModelProto.Parser.ParseFrom(baseModel);
        var initializers = model.Graph.Initializer;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < initializers.Count; i++)
        {
            index[initializers[i].Name] = i;
        }

        foreach (var tensor in delta)
        {
            if (!index.TryGetValue(tensor.Name, out var position))
            {
                throw new ModelPackageException($"The encoder delta names tensor '{tensor.Name}', which the base encoder graph does not have.");
            }

            var original = initializers[position];
            if (original.DataType != tensor.DataType || !original.Dims.SequenceEqual(tensor.Dims))
            {
                throw new ModelPackageException(
                    $"The encoder delta's '{tensor.Name}' is [{string.Join("x", tensor.Dims)}] type {tensor.DataType}; the base graph's is [{string.Join("x", original.Dims)}] type {original.DataType}.");
            }

            initializers[position] = tensor;
        }

        return model.ToByteArray();
    }

    /// <summary>The float values of an initializer, whether stored as raw_data or float_data.</summary>
    public static float[] FloatValues(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new InvalidOperationException($"Tensor '{tensor.Name}' is not float (type {tensor.DataType}).");
        }

        if (!tensor.RawData.IsEmpty)
        {
            return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
        }

        return [.. tensor.FloatData];
    }
}
