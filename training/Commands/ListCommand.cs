using Spectre.Console;

namespace StreamingMarketing.Training;

/// <summary>list: every published version in the registry, oldest first, the promoted one marked.</summary>
public static class ListCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        commandLine.EnsureOnly("data-dir");
        var registry = RegistryFromEnvironment.Create(Path.GetFullPath(commandLine.Value("data-dir", ".data")));
        var promoted = await registry.GetPromotedVersionAsync();
        var table = new Table().AddColumns("", "version", "created (UTC)", "macro-recall", "accuracy", "heads", "recipe");
        foreach (var manifest in await registry.ListAsync())
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
