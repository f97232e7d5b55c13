using Microsoft.ML.OnnxRuntime;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// A small ONNX classifier over pooled encoder embeddings (and, for lexicon heads, VADER's valence scores).
/// Heads stay on the CPU: a 384×3 layer costs less than the transfer to a GPU would.
/// </summary>
public sealed class HeadSession : IDisposable
{
    private readonly InferenceSession session;
    private readonly string[] inputNames;
    private readonly string[] outputNames;
    private readonly RunOptions runOptions = new();

    public HeadSession(string modelPath, HeadReference head, int classes)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
        };
        session = new InferenceSession(modelPath, options);
        inputNames = head.LexiconInput is null ? [head.Input] : [head.Input, head.LexiconInput];
        outputNames = [head.Output];
        Classes = classes;
    }

    public int Classes { get; }

    public bool UsesLexicon => inputNames.Length == 2;

    /// <summary>
    /// Row-major [rows × 384] embeddings (and [rows × 4] valence scores for lexicon heads) in, row-major
    /// [rows × classes] probabilities out.
    /// </summary>
    public float[] Predict(float[] embeddings, int rows, float[]? lexicon = null)
    {
        if (rows == 0)
        {
            return [];
        }

        using var input = OrtValue.CreateTensorValueFromMemory(embeddings, [rows, SentenceEncoder.Dimensions]);
        using var valence = UsesLexicon
            ? OrtValue.CreateTensorValueFromMemory(lexicon ?? throw new ArgumentNullException(nameof(lexicon), "This head takes valence scores."), [rows, ValenceScores.Count])
            : null;
        using var outputs = session.Run(runOptions, inputNames, valence is null ? [input] : [input, valence], outputNames);
        var probabilities = outputs[0].GetTensorDataAsSpan<float>();
        if (probabilities.Length != rows * Classes)
        {
            throw new ModelPackageException($"Head returned {probabilities.Length} values for {rows} rows of {Classes} classes.");
        }

        return probabilities.ToArray();
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }
}
