using System.Net;
using Spectre.Console;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// The command-line client's commands against a running gateway. Global options (anywhere on the line): <c>--url</c>
/// (default http://127.0.0.1:5080, or STREAMINGMARKETING_URL) and <c>--api-key</c> (or STREAMINGMARKETING_API_KEY,
/// which keeps the key out of shell history). Every failure maps to one exit code here.
/// </summary>
public static class ClientCommands
{
    public const string UrlVariable = "STREAMINGMARKETING_URL";
    public const string ApiKeyVariable = "STREAMINGMARKETING_API_KEY";

    public const string Usage = """
          send FILE [--format ndjson|csv] [--batch-size N] [--retries N]   send events from NDJSON or CSV (batches ≤ 1000, retried with the same eventIds)
          demo [--events N] [--rate N] [--campaigns N] [--users N]          realistic synthetic traffic until Ctrl+C or N events, with a live summary
          campaigns [--page N] [--page-size N] [--json]                     campaigns with headline KPIs
          campaign ID [--json]                                              one campaign: KPIs, windows, sentiment, hashtags, negative comments
          user ID [--json]                                                  one user's profile
          score TEXT [TEXT…] [--json]                                       score texts for sentiment
          models [--json]                                                   the serving sentiment model

          global: --url URL (default http://127.0.0.1:5080)  --api-key KEY (or STREAMINGMARKETING_API_KEY)
          exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 unauthorized or forbidden
        """;

    private static readonly Dictionary<string, Func<GatewayClient, CommandArgs, IAnsiConsole, CancellationToken, Task<int>>> Commands = new()
    {
        ["send"] = SendCommand.RunAsync,
        ["demo"] = DemoCommand.RunAsync,
        ["campaigns"] = CampaignsCommand.RunAsync,
        ["campaign"] = CampaignCommand.RunAsync,
        ["user"] = UserCommand.RunAsync,
        ["score"] = ScoreCommand.RunAsync,
        ["models"] = ModelsCommand.RunAsync,
    };

    public static bool IsCommand(string name) => Commands.ContainsKey(name);

    /// <summary><paramref name="args"/> starts with the command name. Returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = CommandArgs.Parse(args[1..], SwitchesOf(args[0]));
            var url = parsed.Value("--url") ?? Environment.GetEnvironmentVariable(UrlVariable) ?? GatewayClient.DefaultUrl;
            var apiKey = parsed.Value("--api-key") ?? Environment.GetEnvironmentVariable(ApiKeyVariable);
            using var client = new GatewayClient(url, apiKey);
            return await Commands[args[0]](client, parsed, console, cancellationToken);
        }
        catch (UsageException exception)
        {
            console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            console.WriteLine(Usage);
            return CommandLine.Usage;
        }
        catch (ApiException exception)
        {
            console.MarkupLineInterpolated($"[red]{(int)exception.Status}: {exception.Message}[/]");
            return exception.Status switch
            {
                HttpStatusCode.NotFound => CommandLine.NotFound,
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => Denied(console),
                _ => CommandLine.Failed,
            };
        }
        catch (GatewayUnreachableException exception)
        {
            console.MarkupLineInterpolated($"[red]{exception.Message}[/]");
            return CommandLine.Failed;
        }
    }

    private static int Denied(IAnsiConsole console)
    {
        console.MarkupLine($"[grey]Pass a key with the needed scope: --api-key KEY or {ApiKeyVariable}=KEY.[/]");
        return CommandLine.Denied;
    }

    private static string[] SwitchesOf(string command) => command switch
    {
        "demo" => [],
        "send" => [],
        _ => ["--json"],
    };
}
