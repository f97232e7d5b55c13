using System.ComponentModel;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Sentiment;
using StreamingMarketing.Sentiment.Benchmarking;

namespace StreamingMarketing.Training;

/// <summary>
/// bench: the scorer (queue + micro-batching) at concurrency 1, 8, 32, 64, each beside raw ONNX Runtime — the
/// encoder and head sessions called directly on the same pre-tokenised texts in batches of what that
/// concurrency can fill — in the same process and run, so the ratio is the batcher's own cost or gain.
/// </summary>
public sealed class BenchCommand : AsyncCommand<BenchCommand.Settings>
{
    private static readonly int[] Concurrencies = [1, 8, 32, 64];

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--seconds <N>")]
        [Description("Seconds per measurement, after 1 s of warm-up.")]
        [DefaultValue(5)]
        public int Seconds { get; init; } = 5;

        [CommandOption("--device <DEVICE>")]
        [Description("auto, cuda or cpu.")]
        [DefaultValue(ExecutionDevice.Auto)]
        public ExecutionDevice Device { get; init; } = ExecutionDevice.Auto;

        [CommandOption("--datasets <PATH>")]
        [Description("The labeled sets (default: data/ beside the tool); TweetEval's validation tweets are scored.")]
        public string? Datasets { get; init; }

        [CommandOption("--version <NAME>")]
        [Description("The shipped model package to load.")]
        [DefaultValue("sentiment-v3")]
        public string Version { get; init; } = "sentiment-v3";

        public override ValidationResult Validate() =>
            Seconds < 1 ? ValidationResult.Error($"--seconds must be at least 1 (got {Seconds}).") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var seconds = settings.Seconds;
        var device = settings.Device;
        var datasets = settings.Datasets ?? Path.Combine(AppContext.BaseDirectory, "data");
        var texts = LabeledText.ReadTsv(Path.Combine(datasets, "tweeteval", "sentiment_val.tsv")).Select(e => e.Text).ToArray();

        using var loggerFactory = LoggerFactory.Create(builder => builder.AddSimpleConsole(o => o.SingleLine = true));
        var options = new SentimentOptions { Device = device };
        await using var scorer = new SentimentService(Options.Create(options), loggerFactory.CreateLogger<SentimentService>());
        var package = Path.Combine(ModelRegistrySeeder.DefaultDirectory, settings.Version);
        var manifest = scorer.Activate(package);
        var model = LoadedModel.Load(package, scorer.Encoder);
        var tokens = texts.Select(scorer.Encoder.Tokenizer.Tokenize).ToArray();

        Console.WriteLine($"Model {manifest.Version} on {scorer.ExecutionProvider}, {Environment.ProcessorCount} cores, " +
            $"max batch {options.MaxBatchSize}, max delay {options.MaxBatchDelayMs} ms, {texts.Length} TweetEval tweets " +
            $"(mean {tokens.Average(t => t.Length):F1} tokens), {seconds} s per measurement after 1 s warm-up");
        Console.WriteLine($"{"concurrency",11} | {"scorer texts/s",14} {"p50 ms",8} {"p99 ms",8} | {"raw batch",9} {"raw texts/s",11} {"p50 ms",8} {"p99 ms",8} | {"throughput",10} {"p50",6}");
        foreach (var concurrency in Concurrencies)
        {
            var viaScorer = await ScorerBenchmark.ScorerAsync(scorer, texts, concurrency, TimeSpan.FromSeconds(seconds));
            var batch = Math.Min(concurrency, options.MaxBatchSize);
            var raw = ScorerBenchmark.Raw(scorer.Encoder, model, tokens, batch, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"{concurrency,11} | {viaScorer.TextsPerSecond,14:F0} {viaScorer.P50Ms,8:F2} {viaScorer.P99Ms,8:F2} | {batch,9} {raw.TextsPerSecond,11:F0} {raw.P50Ms,8:F2} {raw.P99Ms,8:F2} | " +
                $"{viaScorer.TextsPerSecond / raw.TextsPerSecond,9:F2}x {viaScorer.P50Ms / raw.P50Ms,5:F2}x");
        }

        Console.WriteLine("scorer: one text per ScoreAsync call from each of <concurrency> callers (latency includes queueing and batching).");
        Console.WriteLine("raw: encoder + head sessions called directly on pre-tokenised, length-sorted batches (latency per batch); ratios are scorer / raw.");
        return 0;
    }
}
