using Spectre.Console;
using StreamingMarketing.Client.Bench;
using StreamingMarketing.Client.Commands;
using StreamingMarketing.Client.Gateway;

namespace StreamingMarketing.Client;

/// <summary>Dispatches the first argument to a command. Exit codes: 0 ok, 1 failed, 2 bad usage, 3 not found, 4 unauthorized or forbidden.</summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int NotFound = 3;
    public const int Denied = 4;

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
            var command when ClientCommands.IsCommand(command) => await RunClientCommandAsync(args),
            _ => PrintUsage(),
        };
    }

    /// <summary>Ctrl+C cancels the command (demo then prints its summary) instead of killing the process mid-request.</summary>
    private static async Task<int> RunClientCommandAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return await ClientCommands.RunAsync(args, AnsiConsole.Console, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static int PrintUsage()
    {
        AnsiConsole.MarkupLine("[bold]StreamingMarketing client[/]");
        // Plain text: Spectre would read the option brackets below as markup tags and throw.
        AnsiConsole.WriteLine(HostUsage);
        AnsiConsole.WriteLine(ClientCommands.Usage);
        return Usage;
    }

    public const string HostUsage = """

        Usage: dotnet run --project client -c Release -- <command> [options]

          gateway [--urls URL] [--gateway-port P]      host the HTTP API as a standalone Orleans client
          bench [--quick] [--events N] [--repeats N]   measure the pipeline and the scorer beside their ceilings (embedded silo in-process)
          bench --cost-curve [--max-users N]           throughput and memory per user grain at 1k to 1M users
          bench --cluster [--events N]                 local-cluster with 1, 2, 3 silo processes beside embedded (Azurite)
        """;
}
