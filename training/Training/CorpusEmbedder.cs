using System.Diagnostics;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// Embeds a corpus with the serving encoder and tokenizer (one path for silo and training). Texts are sorted by
/// token count before batching, so each batch pads to nearly its own length.
/// </summary>
public static class CorpusEmbedder
{
    private const int BatchSize = 64;

    public static float[][] Embed(SentenceEncoder encoder, IReadOnlyList<string> texts, EmbeddingCache cache, TextWriter log)
    {
        var embeddings = new float[texts.Count][];
        var missing = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (cache.TryGet(texts[i], out var cached))
            {
                embeddings[i] = cached;
            }
            else
            {
                missing.Add(i);
            }
        }

        log.WriteLine($"Embeddings: {texts.Count - missing.Count} cached, {missing.Count} to compute on {encoder.ExecutionProvider}");
        var tokens = missing.ToDictionary(i => i, i => encoder.Tokenizer.Tokenize(texts[i]));
        var ordered = missing.OrderBy(i => tokens[i].Length).ToArray();
        var stopwatch = Stopwatch.StartNew();
        for (var start = 0; start < ordered.Length; start += BatchSize)
        {
            var batch = ordered.AsSpan(start, Math.Min(BatchSize, ordered.Length - start)).ToArray();
            var flat = encoder.Embed(batch.Select(i => tokens[i]).ToArray());
            for (var row = 0; row < batch.Length; row++)
            {
                var embedding = flat.AsSpan(row * SentenceEncoder.Dimensions, SentenceEncoder.Dimensions).ToArray();
                embeddings[batch[row]] = embedding;
                cache.Add(texts[batch[row]], embedding);
            }

            if ((start / BatchSize) % 20 == 19)
            {
                log.WriteLine($"  {start + batch.Length}/{ordered.Length} texts, {(start + batch.Length) / stopwatch.Elapsed.TotalSeconds:F0}/s");
            }
        }

        cache.Save();
        return embeddings;
    }
}
