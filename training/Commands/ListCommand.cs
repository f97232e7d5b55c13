using Spectre.Console;
using Spectre.Console.Cli;

namespace StreamingMarketing.Training;

/// <summary>list: every published version in the registry, oldest first, the promoted one marked.</summary>
public sealed class ListCommand : AsyncCommand<DataDirSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DataDirSettings settings, CancellationToken cancellationToken)
    {
        var registry = RegistryFromEnvironment.Create(settings.DataDirectory);
        var promoted = await registry.GetPromotedVersionAsync(cancellationToken);
        var table = new Table().AddColumns("", "version", "created (UTC)", "macro-recall", "accuracy", "heads", "recipe");
        foreach (var manifest in await registry.ListAsync(cancellationToken))
        {
            table.AddRow(
                manifest.Version == promoted ? "[green]*[/]" : "",
                manifest.Version,
                manifest.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                $"{manifest.Validation.MacroRecall:F4}",
                $"{manifest.Validation.Accuracy:F4}",
                string.Join(", ", manifest.AllHeads.Select(h => h.Task)),
                Markup.Escape(Shorten(PublishGate.RecipeOf(manifest)?.Spec ?? "-")));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Full recipes and per-head metrics: evaluate --version NAME.");
        AnsiConsole.MarkupLine(promoted is null ? "No version is promoted." : $"* promoted: {promoted}");
        return 0;
    }

    private static string Shorten(string spec) => spec.Length <= 48 ? spec : spec[..47] + "…";
}
