using Spectre.Console;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// Embeds texts with the serving encoder and tokenizer (one path for silo and training), through the cache.
/// Texts are sorted by token count before batching, so each batch pads to nearly its own length.
/// </summary>
public static class CorpusEmbedder
{
    private const int BatchSize = 64;

    /// <summary>Embeddings in the order of <paramref name="texts"/>; duplicates are encoded once.</summary>
    public static float[][] Embed(SentenceEncoder encoder, IReadOnlyList<string> texts, EmbeddingCache cache, ProgressContext? progress = null)
    {
        var embeddings = new float[texts.Count][];
        var missing = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            if (cache.TryGet(texts[i], out var cached))
            {
                embeddings[i] = cached;
            }
            else if (missing.TryGetValue(texts[i], out var rows))
            {
                rows.Add(i);
            }
            else
            {
                missing[texts[i]] = [i];
            }
        }

        var task = progress?.AddTask($"Embedding {missing.Count} new texts on {encoder.ExecutionProvider} ({texts.Count - missing.Values.Sum(r => r.Count)} cached)", maxValue: Math.Max(1, missing.Count));
        var ordered = missing.Keys.Select(text => (Text: text, Tokens: encoder.Tokenizer.Tokenize(text))).OrderBy(t => t.Tokens.Length).ToArray();
        for (var start = 0; start < ordered.Length; start += BatchSize)
        {
            var batch = ordered.AsSpan(start, Math.Min(BatchSize, ordered.Length - start)).ToArray();
            var flat = encoder.Embed(batch.Select(b => b.Tokens).ToArray());
            for (var row = 0; row < batch.Length; row++)
            {
                var embedding = flat.AsSpan(row * SentenceEncoder.Dimensions, SentenceEncoder.Dimensions).ToArray();
                cache.Add(batch[row].Text, embedding);
                foreach (var i in missing[batch[row].Text])
                {
                    embeddings[i] = embedding;
                }
            }

            task?.Increment(batch.Length);
        }

        task?.Value(task.MaxValue);
        cache.Save();
        return embeddings;
    }

    /// <summary>Embeddings without a cache (an encoder used once, such as a fresh fine-tune's), length-sorted into batches.</summary>
    public static float[][] EmbedUncached(SentenceEncoder encoder, IReadOnlyList<string> texts)
    {
        var embeddings = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count).Select(i => (Index: i, Tokens: encoder.Tokenizer.Tokenize(texts[i]))).OrderBy(t => t.Tokens.Length).ToArray();
        foreach (var batch in order.Chunk(BatchSize))
        {
            var flat = encoder.Embed(batch.Select(b => b.Tokens).ToArray());
            for (var row = 0; row < batch.Length; row++)
            {
                embeddings[batch[row].Index] = flat.AsSpan(row * SentenceEncoder.Dimensions, SentenceEncoder.Dimensions).ToArray();
            }
        }

        return embeddings;
    }
}
