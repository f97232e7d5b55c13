using System.Globalization;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// serve: the training service as a long-running process. Every interval it counts stored feedback; once at
/// least --min-feedback entries arrived since the serving model was trained, it trains and publishes through
/// the gate (never --force: an unattended retrain must beat what serves). Ctrl+C stops it between runs.
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("--interval <TIMESPAN>")]
        [Description("How often to count new feedback, e.g. 00:30:00 (required).")]
        public TimeSpan? Interval { get; init; }

        [CommandOption("--min-feedback <N>")]
        [Description("New feedback entries that trigger a retrain.")]
        [DefaultValue(50)]
        public int MinFeedback { get; init; } = 50;

        public override ValidationResult Validate() =>
            Interval is null ? ValidationResult.Error("serve needs --interval, e.g. --interval 01:00:00.")
            : Interval <= TimeSpan.Zero || MinFeedback < 1 ? ValidationResult.Error("--interval must be positive and --min-feedback at least 1.")
            : base.Validate();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        var interval = settings.Interval!.Value;
        var minimum = settings.MinFeedback;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };

        AnsiConsole.MarkupLine($"Serving: every {interval}, retrain once {minimum} new feedback entries are in {Markup.Escape(options.DataDirectory)}");
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                await RunOnceAsync(options, minimum, stop.Token);
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }

        return 0;
    }

    /// <summary>One tick: retrains when enough feedback arrived; returns what happened.</summary>
    public static async Task<TrainOutcome?> RunOnceAsync(TrainingOptions options, int minimum, CancellationToken cancellationToken = default)
    {
        var registry = RegistryFromEnvironment.Create(options.DataDirectory);
        var serving = await TrainCommand.ServingManifestAsync(registry, cancellationToken);
        var trainedWith = serving?.Training.TryGetValue(PackageBuilder.FeedbackEntriesKey, out var count) == true ? int.Parse(count, CultureInfo.InvariantCulture) : 0;
        var stored = FeedbackLog.ForDataDirectory(options.DataDirectory).ReadAll().Count;
        if (stored - trainedWith < minimum)
        {
            AnsiConsole.MarkupLine($"{DateTime.UtcNow:HH:mm:ss} {stored - trainedWith} new feedback entries since {serving?.Version ?? "no model"} (retrain at {minimum})");
            return null;
        }

        var version = $"sentiment-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        try
        {
            return await TrainCommand.TrainAsync(options, version, Path.Combine(options.DataDirectory, "packages", version), publish: true, force: false, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A failed run (data, disk, registry) must not end the service; the next tick tries again.
            AnsiConsole.MarkupLine($"[red]Training run failed:[/] {Markup.Escape(exception.Message)}");
            return null;
        }
    }
}
