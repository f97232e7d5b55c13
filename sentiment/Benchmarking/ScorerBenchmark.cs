using System.Diagnostics;

namespace StreamingMarketing.Sentiment.Benchmarking;

/// <summary>
/// The scorer (queue + micro-batching + heads) beside raw ONNX Runtime (encoder and heads called directly on the same
/// pre-tokenised, length-sorted batches), so their ratio is the batcher's own cost or gain. Shared by
/// <c>training bench</c> and the benchmarks' <c>pipeline</c> command
/// (<c>dotnet run -c Release --project tests/StreamingMarketing.Benchmarks -- pipeline</c>): one way to measure, two
/// places to report it.
/// </summary>
public static class ScorerBenchmark
{
    /// <summary>Each of <paramref name="concurrency"/> callers scores one text per call, as campaign grains do.</summary>
    public static async Task<ThroughputSample> ScorerAsync(SentimentService scorer, string[] texts, int concurrency, TimeSpan duration)
    {
        var next = -1;
        var latencies = new List<double>();
        var measuring = false;
        var stopwatch = new Stopwatch();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var local = new List<double>();
            while (!stop.IsCancellationRequested)
            {
                var text = texts[(int)((uint)Interlocked.Increment(ref next) % texts.Length)];
                var started = Stopwatch.GetTimestamp();
                await scorer.ScoreAsync([text]);
                if (Volatile.Read(ref measuring))
                {
                    local.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }

            lock (latencies)
            {
                latencies.AddRange(local);
            }
        })).ToList();

        await Task.Delay(TimeSpan.FromSeconds(1));
        stopwatch.Start();
        Volatile.Write(ref measuring, true);
        await Task.Delay(duration);
        Volatile.Write(ref measuring, false);
        stopwatch.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return ThroughputSample.From(latencies, latencies.Count, stopwatch.Elapsed);
    }

    /// <summary>
    /// The same work without the scorer: one caller, full batches, straight into the sessions (the model's own
    /// encoder when it is fine-tuned, else <paramref name="encoder"/>).
    /// </summary>
    public static ThroughputSample Raw(SentenceEncoder encoder, LoadedModel model, long[][] tokens, int batchSize, TimeSpan duration)
    {
        var latencies = new List<double>();
        var texts = 0;
        var position = 0;
        var warmUpEnds = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        var stopwatch = new Stopwatch();
        while (stopwatch.Elapsed < duration)
        {
            var batch = Enumerable.Range(0, batchSize).Select(i => tokens[(position + i) % tokens.Length]).OrderBy(t => t.Length).ToArray();
            position += batchSize;
            var started = Stopwatch.GetTimestamp();
            model.Predict((model.Encoder ?? encoder).Embed(batch), batch.Length, model.UsesLexicon ? new float[batch.Length * ValenceScores.Count] : null);
            if (started >= warmUpEnds)
            {
                stopwatch.Start();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                texts += batch.Length;
            }
        }

        return ThroughputSample.From(latencies, texts, stopwatch.Elapsed);
    }
}

public sealed record ThroughputSample(double TextsPerSecond, double P50Ms, double P99Ms)
{
    public static ThroughputSample From(List<double> latencies, int texts, TimeSpan elapsed)
    {
        latencies.Sort();
        return new ThroughputSample(texts / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
    }

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
