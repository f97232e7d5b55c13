using Spectre.Console;
using StreamingMarketing.Client.Bench;
using StreamingMarketing.Client.Gateway;

namespace StreamingMarketing.Client;

/// <summary>Dispatches the first argument to a command. Exit codes: 0 ok, 1 failed, 2 bad usage.</summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0)
        {
            return PrintUsage();
        }

        var rest = args[1..];
        return args[0] switch
        {
            "gateway" => await StandaloneGateway.RunAsync(rest),
            "bench" => await BenchCommand.RunAsync(rest),
            _ => PrintUsage(),
        };
    }

    private static int PrintUsage()
    {
        AnsiConsole.MarkupLine("""
            [bold]StreamingMarketing client[/]

            Usage: dotnet run --project client -c Release -- <command> [options]

              gateway [--urls URL] [--gateway-port P]   host the HTTP API as a standalone Orleans client
              bench [--quick] [--events N]              measure the pipeline beside its ceilings (embedded silo in-process)
            """);
        return Usage;
    }
}
