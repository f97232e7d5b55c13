using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// bench: the scorer (queue + micro-batching) at concurrency 1, 8, 32, 64, each beside raw ONNX Runtime — the
/// encoder and head sessions called directly on the same pre-tokenised texts in batches of what that
/// concurrency can fill — in the same process and run, so the ratio is the batcher's own cost or gain.
/// </summary>
public static class BenchCommand
{
    private static readonly int[] Concurrencies = [1, 8, 32, 64];

    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        commandLine.EnsureOnly("seconds", "device", "datasets");
        var seconds = commandLine.Number("seconds", 5);
        var device = Enum.Parse<ExecutionDevice>(commandLine.Value("device", "auto"), ignoreCase: true);
        var datasets = commandLine.Value("datasets", Path.Combine(AppContext.BaseDirectory, "data"));
        var texts = LabeledText.ReadTsv(Path.Combine(datasets, "tweeteval", "sentiment_val.tsv")).Select(e => e.Text).ToArray();

        using var loggerFactory = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.SingleLine = true));
        var options = new SentimentOptions { Device = device };
        await using var scorer = new SentimentService(options, loggerFactory.CreateLogger<SentimentService>());
        var package = Path.Combine(ModelRegistrySeeder.DefaultDirectory, "sentiment-v1");
        var manifest = scorer.Activate(package);
        var model = ModelManifest.Read(package);
        using var head = new HeadSession(Path.Combine(package, model.Head.File), model.Head, model.Labels.Count);
        var tokens = texts.Select(scorer.Encoder.Tokenizer.Tokenize).ToArray();

        Console.WriteLine($"Model {manifest.Version} on {scorer.ExecutionProvider}, {Environment.ProcessorCount} cores, " +
            $"max batch {options.MaxBatchSize}, max delay {options.MaxBatchDelayMs} ms, {texts.Length} TweetEval tweets " +
            $"(mean {tokens.Average(t => t.Length):F1} tokens), {seconds} s per measurement after 1 s warm-up");
        Console.WriteLine($"{"concurrency",11} | {"scorer texts/s",14} {"p50 ms",8} {"p99 ms",8} | {"raw batch",9} {"raw texts/s",11} {"p50 ms",8} {"p99 ms",8} | {"throughput",10} {"p50",6}");
        foreach (var concurrency in Concurrencies)
        {
            var viaScorer = await MeasureScorerAsync(scorer, texts, concurrency, seconds);
            var batch = Math.Min(concurrency, options.MaxBatchSize);
            var raw = MeasureRaw(scorer.Encoder, head, tokens, batch, seconds);
            Console.WriteLine($"{concurrency,11} | {viaScorer.TextsPerSecond,14:F0} {viaScorer.P50,8:F2} {viaScorer.P99,8:F2} | {batch,9} {raw.TextsPerSecond,11:F0} {raw.P50,8:F2} {raw.P99,8:F2} | " +
                $"{viaScorer.TextsPerSecond / raw.TextsPerSecond,9:F2}x {viaScorer.P50 / raw.P50,5:F2}x");
        }

        Console.WriteLine("scorer: one text per ScoreAsync call from each of <concurrency> callers (latency includes queueing and batching).");
        Console.WriteLine("raw: encoder + head sessions called directly on pre-tokenised, length-sorted batches (latency per batch); ratios are scorer / raw.");
        return 0;
    }

    private static async Task<Result> MeasureScorerAsync(SentimentService scorer, string[] texts, int concurrency, int seconds)
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
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        Volatile.Write(ref measuring, false);
        stopwatch.Stop();
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        return Result.From(latencies, latencies.Count, stopwatch.Elapsed);
    }

    private static Result MeasureRaw(SentenceEncoder encoder, HeadSession head, long[][] tokens, int batchSize, int seconds)
    {
        var latencies = new List<double>();
        var texts = 0;
        var position = 0;
        var warmUpEnds = Stopwatch.GetTimestamp() + Stopwatch.Frequency;
        var stopwatch = new Stopwatch();
        while (stopwatch.Elapsed.TotalSeconds < seconds)
        {
            var batch = Enumerable.Range(0, batchSize).Select(i => tokens[(position + i) % tokens.Length]).OrderBy(t => t.Length).ToArray();
            position += batchSize;
            var started = Stopwatch.GetTimestamp();
            head.Predict(encoder.Embed(batch), batch.Length, new float[batch.Length * ValenceScores.Count]);
            if (started >= warmUpEnds)
            {
                stopwatch.Start();
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                texts += batch.Length;
            }
        }

        return Result.From(latencies, texts, stopwatch.Elapsed);
    }

    private sealed record Result(double TextsPerSecond, double P50, double P99)
    {
        public static Result From(List<double> latencies, int texts, TimeSpan elapsed)
        {
            latencies.Sort();
            return new Result(texts / elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
        }

        private static double Percentile(List<double> sorted, double q) =>
            sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
    }
}
