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
    /// <summary>
    /// Each of <paramref name="concurrency"/> callers scores one text per call, as campaign grains do. Measured like
    /// <see cref="Raw"/>, over whole batches: from the first completion after 1 s of warm-up to the first completion at
    /// least <paramref name="duration"/> later, counting the texts completed in between. Completions arrive a batch at a
    /// time, so counting them in a fixed window instead would read ±1 batch (±7% at 15 batches in 3 s) by chance.
    /// </summary>
    public static async Task<ThroughputSample> ScorerAsync(SentimentService scorer, string[] texts, int concurrency, TimeSpan duration)
    {
        var next = -1;
        var warmUpEnds = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        var window = (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long firstSeen = 0;
        var stop = 0;
        var completions = new List<(long At, double LatencyMs)>();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var local = new List<(long, double)>();
            while (Volatile.Read(ref stop) == 0)
            {
                var text = texts[(int)((uint)Interlocked.Increment(ref next) % texts.Length)];
                var started = Stopwatch.GetTimestamp();
                await scorer.ScoreAsync([text]);
                var now = Stopwatch.GetTimestamp();
                if (now < warmUpEnds)
                {
                    continue;
                }

                local.Add((now, Stopwatch.GetElapsedTime(started, now).TotalMilliseconds));
                // Any completion after warm-up starts the clock approximately; the exact window is cut afterwards.
                Interlocked.CompareExchange(ref firstSeen, now, 0);
                if (now - Volatile.Read(ref firstSeen) >= window)
                {
                    Volatile.Write(ref stop, 1);
                }
            }

            lock (completions)
            {
                completions.AddRange(local);
            }
        })).ToList();

        await Task.WhenAll(workers);
        completions.Sort();
        var from = completions[0].At;
        var to = completions.First(c => c.At - from >= window).At;
        var measured = completions.Where(c => c.At < to).Select(c => c.LatencyMs).ToList();
        return ThroughputSample.From(measured, measured.Count, Stopwatch.GetElapsedTime(from, to));
    }

    /// <summary>
    /// The same work without the scorer: one caller, full batches, straight into the sessions (the model's own
    /// encoder when it is fine-tuned, else <paramref name="encoder"/>). Timed from the start of the first batch after
    /// 1 s of warm-up to the end of the last, so every text counted is inside the time measured.
    /// </summary>
    public static ThroughputSample Raw(SentenceEncoder encoder, LoadedModel model, long[][] tokens, int batchSize, TimeSpan duration)
    {
        var latencies = new List<double>();
        var texts = 0;
        var position = 0;
        var warmUpEnds = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        long measuredFrom = 0;
        var measuredTo = 0L;
        while (measuredFrom == 0 || Stopwatch.GetElapsedTime(measuredFrom, measuredTo) < duration)
        {
            var batch = Enumerable.Range(0, batchSize).Select(i => tokens[(position + i) % tokens.Length]).OrderBy(t => t.Length).ToArray();
            position += batchSize;
            var started = Stopwatch.GetTimestamp();
            model.Predict((model.Encoder ?? encoder).Embed(batch), batch.Length,
                model.UsesLexicon ? new float[batch.Length * ValenceScores.Count] : null,
                model.UsesInsultCues ? new float[batch.Length * InsultCues.Count] : null);
            measuredTo = Stopwatch.GetTimestamp();
            if (started >= warmUpEnds)
            {
                // The clock starts when the first counted batch starts: starting it when that batch ends would count
                // one batch more than it times and read raw about 1/(batches - 1) faster than it ran (7% at 15 batches).
                measuredFrom = measuredFrom == 0 ? started : measuredFrom;
                latencies.Add(Stopwatch.GetElapsedTime(started, measuredTo).TotalMilliseconds);
                texts += batch.Length;
            }
        }

        return ThroughputSample.From(latencies, texts, Stopwatch.GetElapsedTime(measuredFrom, measuredTo));
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
