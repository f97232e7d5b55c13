using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// all-MiniLM-L6-v2: token ids in, one L2-normalised 384-d sentence embedding per text out (mean of the last
/// hidden state over real tokens, as the model's authors pool it; the graph's "924" pooler output is not
/// what the sentence-transformers model uses).
/// </summary>
public sealed class SentenceEncoder : IDisposable
{
    public const int Dimensions = 384;

    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = ["last_hidden_state"];

    private readonly InferenceSession session;
    private readonly RunOptions runOptions = new();
    private readonly ExecutionDevice device;
    private readonly int intraOpThreads;
    private readonly ILogger logger;
    private readonly Lazy<string> sha256;

    public SentenceEncoder(EncoderFiles files, ExecutionDevice device, int intraOpThreads, ILogger logger)
    {
        Files = files;
        Tokenizer = new TextTokenizer(files.VocabularyPath);
        (session, ExecutionProvider) = EncoderSessionFactory.Create(files.ModelPath, device, intraOpThreads, logger);
        this.device = device;
        this.intraOpThreads = intraOpThreads;
        this.logger = logger;
        sha256 = new Lazy<string>(() => files.Sha256);
    }

    private SentenceEncoder(SentenceEncoder baseEncoder, byte[] model, string modelSha256)
    {
        Files = baseEncoder.Files;
        Tokenizer = baseEncoder.Tokenizer;
        (device, intraOpThreads, logger) = (baseEncoder.device, baseEncoder.intraOpThreads, baseEncoder.logger);
        (session, ExecutionProvider) = EncoderSessionFactory.Create(model, device, intraOpThreads, logger);
        sha256 = new Lazy<string>(modelSha256);
    }

    /// <summary>The base encoder's files (vocabulary, base graph); a fine-tuned encoder shares them.</summary>
    public EncoderFiles Files { get; }

    /// <summary>SHA-256 of the graph this encoder runs: the identity heads and embedding caches are keyed by.</summary>
    public string Sha256 => sha256.Value;

    /// <summary>
    /// Another encoder over <paramref name="model"/> (same tokenizer, device and threads): a fine-tuned graph whose
    /// hash is <paramref name="modelSha256"/>. The caller owns and disposes it.
    /// </summary>
    public SentenceEncoder WithGraph(byte[] model, string modelSha256) => new(this, model, modelSha256);

    public TextTokenizer Tokenizer { get; }

    public string ExecutionProvider { get; }

    /// <summary>
    /// Embeds token sequences as one padded batch (padded to the longest sequence given, not to 128).
    /// Returns row-major [count × <see cref="Dimensions"/>] in input order.
    /// </summary>
    public float[] Embed(IReadOnlyList<long[]> tokenIds)
    {
        var count = tokenIds.Count;
        var embeddings = new float[count * Dimensions];
        if (count == 0)
        {
            return embeddings;
        }

        var length = 0;
        foreach (var ids in tokenIds)
        {
            length = Math.Max(length, ids.Length);
        }

        var inputIds = new long[count * length];
        var attentionMask = new long[count * length];
        var tokenTypeIds = new long[count * length];
        for (var row = 0; row < count; row++)
        {
            var ids = tokenIds[row];
            ids.CopyTo(inputIds, row * length);
            attentionMask.AsSpan(row * length, ids.Length).Fill(1);
        }

        long[] shape = [count, length];
        using var inputIdsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var attentionMaskValue = OrtValue.CreateTensorValueFromMemory(attentionMask, shape);
        using var tokenTypeIdsValue = OrtValue.CreateTensorValueFromMemory(tokenTypeIds, shape);
        using var outputs = session.Run(runOptions, InputNames, [inputIdsValue, attentionMaskValue, tokenTypeIdsValue], OutputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();

        for (var row = 0; row < count; row++)
        {
            MeanPoolAndNormalize(hidden.Slice(row * length * Dimensions, length * Dimensions), tokenIds[row].Length,
                embeddings.AsSpan(row * Dimensions, Dimensions));
        }

        return embeddings;
    }

    private static void MeanPoolAndNormalize(ReadOnlySpan<float> hidden, int tokens, Span<float> embedding)
    {
        for (var token = 0; token < tokens; token++)
        {
            var state = hidden.Slice(token * Dimensions, Dimensions);
            for (var d = 0; d < Dimensions; d++)
            {
                embedding[d] += state[d];
            }
        }

        var norm = 0f;
        for (var d = 0; d < Dimensions; d++)
        {
            embedding[d] /= tokens;
            norm += embedding[d] * embedding[d];
        }

        // sentence-transformers ends this model with a Normalize layer; heads see unit vectors.
        norm = MathF.Max(MathF.Sqrt(norm), 1e-12f);
        for (var d = 0; d < Dimensions; d++)
        {
            embedding[d] /= norm;
        }
    }

    public void Dispose()
    {
        session.Dispose();
        runOptions.Dispose();
    }
}
