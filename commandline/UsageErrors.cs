using Spectre.Console;
using Spectre.Console.Cli;

namespace StreamingMarketing.CommandLine;

/// <summary>How a command line the parser or a command's validation refused is answered: the reason, where help is, exit code 2.</summary>
public static class UsageErrors
{
    public const int ExitCode = 2;

    /// <summary>Anything else a command throws is a failure (exit code 1), printed rather than crashing the process.</summary>
    public const int FailedExitCode = 1;

    public static int Report(IAnsiConsole console, Exception exception, string applicationName)
    {
        if (exception is not CommandAppException)
        {
            console.WriteException(exception, ExceptionFormats.ShortenEverything);
            return FailedExitCode;
        }

        console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
        console.MarkupLineInterpolated($"[grey]Usage: {applicationName} --help (the commands), {applicationName} COMMAND --help (a command's options).[/]");
        return ExitCode;
    }
}
