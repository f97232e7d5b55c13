using System.Globalization;
using Spectre.Console;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// serve: the training service as a long-running process. Every interval it counts stored feedback; once at
/// least --min-feedback entries arrived since the serving model was trained, it trains and publishes through
/// the gate (never --force: an unattended retrain must beat what serves). Ctrl+C stops it between runs.
/// </summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        commandLine.EnsureOnly([.. TrainingOptions.OptionNames, "interval", "min-feedback"]);
        var options = TrainingOptions.From(commandLine);
        var interval = TimeSpan.Parse(commandLine.Value("interval") ?? throw new ArgumentException("serve needs --interval, e.g. --interval 01:00:00."), CultureInfo.InvariantCulture);
        var minimum = commandLine.Number("min-feedback", 50);
        if (interval <= TimeSpan.Zero || minimum < 1)
        {
            throw new ArgumentException("--interval must be positive and --min-feedback at least 1.");
        }

        using var stop = new CancellationTokenSource();
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
