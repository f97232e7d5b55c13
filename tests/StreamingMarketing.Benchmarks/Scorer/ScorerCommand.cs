using System.ComponentModel;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Benchmarks.Pipeline;
using StreamingMarketing.Client.Traffic;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Benchmarks.Scorer;

/// <summary>
/// <c>scorer [--repeats N] [--seconds S] [--version NAME]</c>: the pipeline bench's scorer phase alone, on a scorer of its
/// own and no silo, so a change to the scorer can be measured in a minute instead of three. Same texts, same
/// measurement (<see cref="ScorerPhase"/>), same median-of-repeats ratio.
/// </summary>
internal sealed class ScorerCommand : AsyncCommand<ScorerCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--repeats <N>")]
        [Description("Scorer/raw pairs; the median ratio is reported.")]
        [DefaultValue(5)]
        public int Repeats { get; init; } = 5;

        [CommandOption("--seconds <S>")]
        [Description("Seconds per measurement, after 1 s of warm-up (the pipeline bench uses 3 with --quick).")]
        [DefaultValue(3)]
        public int Seconds { get; init; } = 3;

        [CommandOption("--version <NAME>")]
        [Description("The shipped model package to serve (default: the newest, as a fresh silo promotes).")]
        public string? Version { get; init; }

        public override ValidationResult Validate() =>
            Repeats < 1 || Seconds < 1 ? ValidationResult.Error("--repeats and --seconds must be at least 1.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new SentimentOptions { Device = ExecutionDevice.Cpu };
        await using var scorer = new SentimentService(Options.Create(options), NullLogger<SentimentService>.Instance);
        var version = settings.Version ?? ModelRegistrySeeder.NewestShipped(ModelRegistrySeeder.DefaultDirectory);
        scorer.Activate(Path.Combine(ModelRegistrySeeder.DefaultDirectory, version));
        var texts = TrafficGenerator.LoadTweets();

        // The scorer's own batch metrics say whether a gap lies inside its batches (slower encoder runs) or between them.
        var sizes = new List<int>();
        var durations = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SentimentMetrics.MeterName && instrument.Name is BatchSize or InferenceDuration)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        // One lock (sizes') for both lists.
        listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
        {
            lock (sizes)
            {
                sizes.Add(size);
            }
        });
        listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            lock (sizes)
            {
                durations.Add(seconds * 1000);
            }
        });
        listener.Start();

        var ratios = new List<double>();
        for (var run = 0; run < settings.Repeats; run++)
        {
            lock (sizes)
            {
                sizes.Clear();
                durations.Clear();
            }

            var (viaScorer, raw) = await ScorerPhase.RunAsync(scorer, texts, TimeSpan.FromSeconds(settings.Seconds));
            ratios.Add(viaScorer.TextsPerSecond / raw.TextsPerSecond);
            lock (sizes)
            {
                AnsiConsole.MarkupLine($"[grey]pair {run + 1}/{settings.Repeats}: scorer {viaScorer.TextsPerSecond:F1} texts/s (p50 {viaScorer.P50Ms:F0} ms), " +
                    $"raw {raw.TextsPerSecond:F1} texts/s (p50 {raw.P50Ms:F0} ms per batch), ratio {ratios[^1]:F3}; " +
                    $"scorer: {sizes.Count} batches of {sizes.DefaultIfEmpty().Average():F1} texts, p50 {Median(durations):F0} ms each[/]");
            }
        }

        var summary = new Dictionary<string, object?>
        {
            ["model"] = version,
            ["cores"] = Environment.ProcessorCount,
            ["repeats"] = settings.Repeats,
            ["seconds"] = settings.Seconds,
            ["ratios"] = ratios.Select(r => Math.Round(r, 3)).ToArray(),
            ["scorerVsRawOrt"] = Math.Round(ratios.Order().ElementAt(ratios.Count / 2), 3),
        };
        Console.WriteLine(JsonSerializer.Serialize(summary));
        return 0;
    }

    private const string BatchSize = "streamingmarketing.sentiment.batch.size";
    private const string InferenceDuration = "streamingmarketing.sentiment.inference.duration";

    private static double Median(List<double> values) => values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);
}
