using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// rollback VERSION: promote an already published version again. The package is verified first (hashes,
/// manifest), so a rollback never points the silos at a corrupt package; they swap within one poll.
/// </summary>
public sealed class RollbackCommand : AsyncCommand<RollbackCommand.Settings>
{
    public sealed class Settings : DataDirSettings
    {
        [CommandArgument(0, "<VERSION>")]
        [Description("The published version to promote again ('list' shows them).")]
        public string Version { get; init; } = "";

        public override ValidationResult Validate() => VersionRule(Version, "VERSION");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var version = settings.Version;
        var registry = RegistryFromEnvironment.Create(settings.DataDirectory);
        if (!(await registry.ListAsync(cancellationToken)).Any(m => m.Version == version))
        {
            AnsiConsole.MarkupLine($"[red]Version {version} is not published[/]; 'list' shows the published ones.");
            return 1;
        }

        var previous = await registry.GetPromotedVersionAsync(cancellationToken);
        try
        {
            ModelPackage.Verify(await registry.GetLocalPackageAsync(version, cancellationToken));
        }
        catch (ModelPackageException exception)
        {
            AnsiConsole.MarkupLine($"[red]Refused:[/] {Markup.Escape(exception.Message)}");
            return 1;
        }

        await registry.PromoteAsync(version, cancellationToken);
        AnsiConsole.MarkupLine($"[green]Promoted {version}[/] (was {previous ?? "none"}); silos swap on their next registry poll.");
        return 0;
    }
}
