using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace StreamingMarketing.CommandLine;

/// <summary>Spectre's generated help with lines that apply to every command (exit codes, environment) added at the end.</summary>
public sealed class FooterHelpProvider(ICommandAppSettings settings, params string[] footer) : HelpProvider(settings)
{
    public override IEnumerable<IRenderable> GetFooter(ICommandModel model, ICommandInfo? command) =>
        [.. base.GetFooter(model, command), Text.NewLine, .. footer.Select(line => new Text(line + Environment.NewLine))];
}
