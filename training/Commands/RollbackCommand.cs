using Spectre.Console;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// rollback VERSION: promote an already published version again. The package is verified first (hashes,
/// manifest), so a rollback never points the silos at a corrupt package; they swap within one poll.
/// </summary>
public static class RollbackCommand
{
    public static async Task<int> RunAsync(string? version, CommandLine commandLine)
    {
        commandLine.EnsureOnly("data-dir");
        if (string.IsNullOrWhiteSpace(version))
        {
            throw new ArgumentException("rollback needs the version to promote: rollback VERSION [--data-dir PATH] (see 'list').");
        }

        ModelVersion.EnsureValid(version);
        var registry = RegistryFromEnvironment.Create(Path.GetFullPath(commandLine.Value("data-dir", ".data")));
        if (!(await registry.ListAsync()).Any(m => m.Version == version))
        {
            AnsiConsole.MarkupLine($"[red]Version {version} is not published[/]; 'list' shows the published ones.");
            return 1;
        }

        var previous = await registry.GetPromotedVersionAsync();
        try
        {
            ModelPackage.Verify(await registry.GetLocalPackageAsync(version));
        }
        catch (ModelPackageException exception)
        {
            AnsiConsole.MarkupLine($"[red]Refused:[/] {Markup.Escape(exception.Message)}");
            return 1;
        }

        await registry.PromoteAsync(version);
        AnsiConsole.MarkupLine($"[green]Promoted {version}[/] (was {previous ?? "none"}); silos swap on their next registry poll.");
        return 0;
    }
}
