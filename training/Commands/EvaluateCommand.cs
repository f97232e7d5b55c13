using Spectre.Console;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// evaluate: a version's recorded metrics for every head, and its sentiment recipe re-run by cross-validation
/// on today's data (shipped sets + feedback so far): the number the publish gate compares a candidate with.
/// </summary>
public static class EvaluateCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        commandLine.EnsureOnly([.. TrainingOptions.OptionNames, "version"]);
        var options = TrainingOptions.From(commandLine) with { ExtraHeads = false };
        var registry = RegistryFromEnvironment.Create(options.DataDirectory);
        var version = commandLine.Value("version") ?? await registry.GetPromotedVersionAsync();
        var manifest = (await registry.ListAsync()).FirstOrDefault(m => m.Version == version);
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
