using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// train: cross-validate every candidate recipe per head on the shipped data plus stored feedback, fit the best
/// on everything, write one package (sentiment, emotion, offensive, hate heads), and with --publish publish and
/// promote it if it beats the serving model on the same folds (or with --force).
/// </summary>
public sealed class TrainCommand : AsyncCommand<TrainCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("--publish")]
        [Description("Publish and promote the package if it beats the serving model on the same folds.")]
        public bool Publish { get; init; }

        [CommandOption("--force")]
        [Description("With --publish: publish even if it does not.")]
        public bool Force { get; init; }

        [CommandOption("--version <NAME>")]
        [Description("Package version (default sentiment-<UTC timestamp>).")]
        public string? Version { get; init; }

        [CommandOption("--output <PATH>")]
        [Description("Package directory (default <data-dir>/packages/<version>).")]
        public string? Output { get; init; }

        public override ValidationResult Validate()
        {
            if (VersionRule(Version, "--version") is { Successful: false } badVersion)
            {
                return badVersion;
            }

            return Force && !Publish ? ValidationResult.Error("--force only applies with --publish.") : base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        var version = settings.Version ?? $"sentiment-{DateTime.UtcNow:yyyyMMdd-HHmmss}";
        var output = Path.GetFullPath(settings.Output ?? Path.Combine(options.DataDirectory, "packages", version));
        var outcome = await TrainAsync(options, version, output, settings.Publish, settings.Force, cancellationToken);
        return outcome is TrainOutcome.Published or TrainOutcome.Written ? 0 : 1;
    }

    /// <summary>One run from data to (optionally) a promoted version; serve calls it too.</summary>
    public static async Task<TrainOutcome> TrainAsync(TrainingOptions options, string version, string output, bool publish, bool force, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        using var encoder = TrainingRun.OpenEncoder(options.Device);
        var tasks = TrainingRun.CrossValidate(options, encoder);
        foreach (var task in tasks)
        {
            AnsiConsole.Write(ClassificationReport.Render(task.Metrics, task.Labels, $"{task.Task}: {Markup.Escape(task.Chosen.Recipe.Spec)}"));
        }

        var manifest = PackageBuilder.Build(tasks, version, output, encoder, options.Folds);
        AnsiConsole.MarkupLine($"Package [bold]{version}[/] written to {Markup.Escape(output)} ({(DateTime.UtcNow - started).TotalSeconds:F0} s)");
        if (!publish)
        {
            return TrainOutcome.Written;
        }

        var registry = RegistryFromEnvironment.Create(options.DataDirectory);
        var serving = await ServingManifestAsync(registry, cancellationToken);
        var decision = PublishGate.Decide(manifest.Validation, serving, tasks[0].Validation, tasks[0].Labels, force);
        if (decision.Serving is { } replay)
        {
            AnsiConsole.Write(ClassificationReport.Render(replay, tasks[0].Labels, $"serving {serving!.Version}, same folds"));
        }

        if (!decision.Publish)
        {
            AnsiConsole.MarkupLine($"[yellow]Not published:[/] {Markup.Escape(decision.Reason)}");
            return TrainOutcome.Refused;
        }

        await registry.PublishAsync(output, cancellationToken);
        await registry.PromoteAsync(version, cancellationToken);
        AnsiConsole.MarkupLine($"[green]Published and promoted {version}[/] (was {serving?.Version ?? "none"}): {Markup.Escape(decision.Reason)}");
        return TrainOutcome.Published;
    }

    public static async Task<ModelManifest?> ServingManifestAsync(IModelRegistry registry, CancellationToken cancellationToken = default)
    {
        var promoted = await registry.GetPromotedVersionAsync(cancellationToken);
        return promoted is null ? null : (await registry.ListAsync(cancellationToken)).FirstOrDefault(m => m.Version == promoted);
    }
}

public enum TrainOutcome
{
    Written,
    Published,
    Refused,
}
