using Microsoft.ML.OnnxRuntime;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// A small ONNX classifier over pooled encoder embeddings (and, where the package says so, VADER's valence scores
/// and insult cues).
/// Heads stay on the CPU: a 384×3 layer costs less than the transfer to a GPU would.
/// </summary>
public sealed class HeadSession : IDisposable
{
    private readonly InferenceSession session;
    private readonly string inputName;
    private readonly string? lexiconName;
    private readonly string? insultCuesName;
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
        (inputName, lexiconName, insultCuesName) = (head.Input, head.LexiconInput, head.InsultCuesInput);
        outputNames = [head.Output];
        Classes = classes;
    }

    public int Classes { get; }

    public bool UsesLexicon => lexiconName is not null;

    public bool UsesInsultCues => insultCuesName is not null;

    /// <summary>
    /// Row-major [rows × 384] embeddings (and [rows × 4] valence scores and [rows × 4] insult cues for heads that
    /// take them) in, row-major [rows × classes] probabilities out.
    /// </summary>
    public float[] Predict(float[] embeddings, int rows, float[]? lexicon = null, float[]? insultCues = null)
    {
        if (rows == 0)
        {
            return [];
        }

        var names = new List<string>(3) { inputName };
        var values = new List<OrtValue>(3);
        try
        {
            values.Add(OrtValue.CreateTensorValueFromMemory(embeddings, [rows, SentenceEncoder.Dimensions]));
            if (lexiconName is not null)
            {
                names.Add(lexiconName);
                values.Add(OrtValue.CreateTensorValueFromMemory(lexicon ?? throw new ArgumentNullException(nameof(lexicon), "This head takes valence scores."), [rows, ValenceScores.Count]));
            }

            if (insultCuesName is not null)
            {
                names.Add(insultCuesName);
                values.Add(OrtValue.CreateTensorValueFromMemory(insultCues ?? throw new ArgumentNullException(nameof(insultCues), "This head takes insult cues."), [rows, InsultCues.Count]));
            }

            return Run(names, values, rows);
        }
        finally
        {
            values.ForEach(v => v.Dispose());
        }
    }

    private float[] Run(List<string> names, List<OrtValue> values, int rows)
    {
        using var outputs = session.Run(runOptions, names, values, outputNames);
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
