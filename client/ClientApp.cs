using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Client.Commands;
using StreamingMarketing.CommandLine;

namespace StreamingMarketing.Client;

/// <summary>The client's command line: the standalone gateway host and the commands against a running gateway.</summary>
public static class ClientApp
{
    public const string Name = "dotnet run --project client -c Release --";

    public static Task<int> RunAsync(string[] args, IAnsiConsole console, CancellationToken cancellationToken = default) =>
        CommandLineApp.RunAsync(args, Name, console, AddCommands,
            [
                ExitCodes.Summary,
                $"--url defaults to {GatewayClient.DefaultUrl} or ${ApiSettings.UrlVariable}; --api-key may come from ${ApiSettings.ApiKeyVariable}, which keeps it out of shell history.",
            ],
            cancellationToken);

    private static void AddCommands(IConfigurator config)
    {
        config.AddCommand<GatewayHostCommand>("gateway")
            .WithDescription("Host the HTTP API as a standalone Orleans client; further host configuration after --.")
            .WithExample("gateway", "--profile", "local-cluster", "--urls", "http://127.0.0.1:5081");
        config.AddCommand<SendCommand>("send")
            .WithDescription("Send events from NDJSON or CSV (batches ≤ 1000, retried with the same eventIds).")
            .WithExample("send", "backfill.csv");
        config.AddCommand<ReplayCommand>("replay")
            .WithDescription("Post archived events again (a time range, campaigns) through the normal idempotent path.")
            .WithExample("replay", "--data-dir", ".data", "--from", "2026-03-01T00:00:00Z", "--campaign", "spring");
        config.AddCommand<BackfillCommand>("backfill")
            .WithDescription("Archive history older than the live window straight into a data dir's archive (live numbers untouched).")
            .WithExample("backfill", "2024.ndjson", "--data-dir", ".data");
        config.AddCommand<DemoCommand>("demo")
            .WithDescription("Realistic synthetic traffic until Ctrl+C or N events, with a live summary.")
            .WithExample("demo", "--rate", "500");
        config.AddCommand<CampaignsCommand>("campaigns").WithDescription("Campaigns with headline KPIs.");
        config.AddCommand<CampaignCommand>("campaign").WithDescription("One campaign: KPIs, windows, sentiment, hashtags, negative comments.");
        config.AddCommand<UserCommand>("user").WithDescription("One user's profile.");
        config.AddCommand<ScoreCommand>("score").WithDescription("Score texts for sentiment.").WithExample("score", "\"love this\"");
        config.AddCommand<ModelsCommand>("models").WithDescription("The serving sentiment model.");
    }
}
