using StreamingMarketing.Sentiment;
using StreamingMarketing.Sentiment.Benchmarking;

namespace StreamingMarketing.Benchmarks.Pipeline;

/// <summary>The silo's own scorer at saturation (64 callers) beside raw ONNX Runtime on the same tokenised batches.</summary>
public static class ScorerPhase
{
    public const int Concurrency = 64;

    public static async Task<(ThroughputSample Scorer, ThroughputSample Raw)> RunAsync(SentimentService scorer, string[] texts, TimeSpan duration)
    {
        var version = scorer.CurrentModel?.Version ?? throw new InvalidOperationException("The bench silo has no sentiment model loaded.");
        var model = LoadedModel.Load(Path.Combine(ModelRegistrySeeder.DefaultDirectory, version), scorer.Encoder);
        try
        {
            var tokens = texts.Select(scorer.Encoder.Tokenizer.Tokenize).ToArray();
            var viaScorer = await ScorerBenchmark.ScorerAsync(scorer, texts, Concurrency, duration);
            var raw = ScorerBenchmark.Raw(scorer.Encoder, model, tokens, new SentimentOptions().MaxBatchSize, duration);
            return (viaScorer, raw);
        }
        finally
        {
            // Each repeat loads its own copy (a fine-tuned package brings an 87 MiB encoder session); free it.
            model.Release();
        }
    }
}
