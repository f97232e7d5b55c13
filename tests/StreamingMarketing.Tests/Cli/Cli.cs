using Spectre.Console;
using StreamingMarketing.Client;
using StreamingMarketing.Tests.Web;

namespace StreamingMarketing.Tests.Cli;

/// <summary>Runs a client command in this process, the way <c>dotnet run --project client -- …</c> does, and captures what it prints.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output);

    public static Task<Result> RunAsync(KeyedSiloFixture silo, string? apiKey, params string[] args) =>
        RunAsync([.. args, "--url", silo.BaseAddress.ToString().TrimEnd('/'), .. apiKey is null ? Array.Empty<string>() : ["--api-key", apiKey]]);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 250;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exitCode = await ClientApp.RunAsync(args, console, timeout.Token);
        return new Result(exitCode, writer.ToString());
    }
}
