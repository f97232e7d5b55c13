using Spectre.Console;
using Spectre.Console.Cli;

namespace StreamingMarketing.CommandLine;

/// <summary>
/// A Spectre.Console.Cli application set up the way every tool here behaves: unknown options are errors (a typo must not
/// silently leave a default in place), parse and validation errors print the reason and exit 2, no command prints the
/// generated help and exits 2, and the help ends with the lines that apply to every command.
/// </summary>
public static class CommandLineApp
{
    public static async Task<int> RunAsync(
        string[] args, string applicationName, IAnsiConsole console, Action<IConfigurator> addCommands, string[] footer, CancellationToken cancellationToken = default)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName(applicationName);
            config.Settings.Console = console;
            config.Settings.Registrar.RegisterInstance<IAnsiConsole>(console);
            config.UseStrictParsing();
            config.SetHelpProvider(new FooterHelpProvider(config.Settings, footer));
            config.SetExceptionHandler((exception, _) => UsageErrors.Report(console, exception, applicationName));
            addCommands(config);
        });

        if (args.Length == 0)
        {
            await app.RunAsync(["--help"], cancellationToken);
            return UsageErrors.ExitCode;
        }

        return await app.RunAsync(args, cancellationToken);
    }
}
