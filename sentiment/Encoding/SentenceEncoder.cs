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
    /// Rows per encoder call on the CPU. Each call pads to its longest row, so a batch is embedded in runs of rows of
    /// similar length (taken in length order) rather than all padded to the batch's longest: with tweets' long tail
    /// of lengths most of a 32-row call's positions were padding, and attention's cost grows with the square of the
    /// padded length. One batch of 32 tweets on 2 cores (<c>EncoderCallSizeBenchmarks</c>): 202 ms in one call, 161 ms
    /// in calls of 16, 143 ms in calls of 8 or 4. A GPU computes padded positions in parallel but runs calls one after
    /// another, so there a batch stays one call.
    /// </summary>
    public const int CpuRowsPerCall = 8;

    /// <summary>
    /// Embeds token sequences, on the CPU each padded only as far as the longest of the <see cref="CpuRowsPerCall"/>
    /// rows of nearest length it is run with (never to 128). Returns row-major [count × <see cref="Dimensions"/>] in
    /// input order.
    /// </summary>
    public float[] Embed(IReadOnlyList<long[]> tokenIds) =>
        Embed(tokenIds, ExecutionProvider == EncoderSessionFactory.CpuProvider ? CpuRowsPerCall : Math.Max(tokenIds.Count, 1));

    /// <summary>The same, in calls of at most <paramref name="rowsPerCall"/> rows (benchmarks compare call sizes).</summary>
    public float[] Embed(IReadOnlyList<long[]> tokenIds, int rowsPerCall)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowsPerCall, 1);
        var count = tokenIds.Count;
        var embeddings = new float[count * Dimensions];
        var byLength = new int[count];
        for (var row = 0; row < count; row++)
        {
            byLength[row] = row;
        }

        Array.Sort(byLength, (a, b) => tokenIds[a].Length.CompareTo(tokenIds[b].Length));
        for (var start = 0; start < count; start += rowsPerCall)
        {
            EmbedPadded(tokenIds, byLength.AsSpan(start, Math.Min(rowsPerCall, count - start)), embeddings);
        }

        return embeddings;
    }

    /// <summary>One encoder call over <paramref name="rows"/>, padded to the longest of them; writes their embeddings in place.</summary>
    private void EmbedPadded(IReadOnlyList<long[]> tokenIds, ReadOnlySpan<int> rows, float[] embeddings)
    {
        var count = rows.Length;
        var length = 0;
        foreach (var row in rows)
        {
            length = Math.Max(length, tokenIds[row].Length);
        }

        var inputIds = new long[count * length];
        var attentionMask = new long[count * length];
        var tokenTypeIds = new long[count * length];
        for (var i = 0; i < count; i++)
        {
            var ids = tokenIds[rows[i]];
            ids.CopyTo(inputIds, i * length);
            attentionMask.AsSpan(i * length, ids.Length).Fill(1);
        }

        long[] shape = [count, length];
        using var inputIdsValue = OrtValue.CreateTensorValueFromMemory(inputIds, shape);
        using var attentionMaskValue = OrtValue.CreateTensorValueFromMemory(attentionMask, shape);
        using var tokenTypeIdsValue = OrtValue.CreateTensorValueFromMemory(tokenTypeIds, shape);
        using var outputs = session.Run(runOptions, InputNames, [inputIdsValue, attentionMaskValue, tokenTypeIdsValue], OutputNames);
        var hidden = outputs[0].GetTensorDataAsSpan<float>();

        for (var i = 0; i < count; i++)
        {
            MeanPoolAndNormalize(hidden.Slice(i * length * Dimensions, length * Dimensions), tokenIds[rows[i]].Length,
                embeddings.AsSpan(rows[i] * Dimensions, Dimensions));
        }
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
