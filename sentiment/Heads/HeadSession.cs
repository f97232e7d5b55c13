using Microsoft.ML.OnnxRuntime;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// A small ONNX classifier over pooled encoder embeddings. Heads stay on the CPU: a 384×3 layer costs less
/// than the transfer to a GPU would.
/// </summary>
public sealed class HeadSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly RunOptions _runOptions = new();

    public HeadSession(string modelPath, string inputName, string outputName, int classes)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
        };
        _session = new InferenceSession(modelPath, options);
        _inputNames = [inputName];
        _outputNames = [outputName];
        Classes = classes;
    }

    public int Classes { get; }

    /// <summary>Row-major [rows × 384] embeddings in, row-major [rows × classes] probabilities out.</summary>
    public float[] Predict(float[] embeddings, int rows)
    {
        if (rows == 0)
        {
            return [];
        }

        using var input = OrtValue.CreateTensorValueFromMemory(embeddings, [rows, SentenceEncoder.Dimensions]);
        using var outputs = _session.Run(_runOptions, _inputNames, [input], _outputNames);
        var probabilities = outputs[0].GetTensorDataAsSpan<float>();
        if (probabilities.Length != rows * Classes)
        {
            throw new ModelPackageException($"Head returned {probabilities.Length} values for {rows} rows of {Classes} classes.");
        }

        return probabilities.ToArray();
    }

    public void Dispose()
    {
        _session.Dispose();
        _runOptions.Dispose();
    }
}
