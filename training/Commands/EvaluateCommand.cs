using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// evaluate: a version's recorded metrics for every head, and its sentiment recipe re-run by cross-validation
/// on today's data (shipped sets + feedback so far): the number the publish gate compares a candidate with.
/// </summary>
public sealed class EvaluateCommand : AsyncCommand<EvaluateCommand.Settings>
{
    public sealed class Settings : TrainingSettings
    {
        [CommandOption("--version <NAME>")]
        [Description("The version to evaluate (default: the promoted one).")]
        public string? Version { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions() with { ExtraHeads = false };
        var registry = RegistryFromEnvironment.Create(options.DataDirectory);
        var version = settings.Version ?? await registry.GetPromotedVersionAsync(cancellationToken);
        var manifest = (await registry.ListAsync(cancellationToken)).FirstOrDefault(m => m.Version == version);
        if (manifest is null)
        {
            AnsiConsole.MarkupLine(version is null ? "[red]No version is promoted[/]; name one with --version." : $"[red]Version {version} is not published.[/]");
            return 1;
        }

        foreach (var head in manifest.AllHeads)
        {
            AnsiConsole.Write(ClassificationReport.Render(head.Validation, head.Labels, $"{manifest.Version} {head.Task} head, as recorded"));
            if (head is { Calibration: { } calibration, HeldOut: { } heldOut })
            {
                AnsiConsole.Write(HeldOutReport.Render(head.Task, calibration, heldOut));
            }
        }

        if (PublishGate.RecipeOf(manifest) is not { } recipe)
        {
            AnsiConsole.MarkupLine($"{manifest.Version} records no recipe, so it cannot be re-run on today's data.");
            return 0;
        }

        using var encoder = TrainingRun.OpenEncoder(options.Device);
        var task = TrainingRun.CrossValidate(options with { SentimentRecipes = [recipe] }, encoder)[0];
        AnsiConsole.Write(ClassificationReport.Render(task.Metrics, task.Labels, $"{manifest.Version}'s recipe on today's data"));
        return 0;
    }
}
