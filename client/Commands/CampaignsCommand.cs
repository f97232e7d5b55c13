using Spectre.Console;
using StreamingMarketing.Gateway.Queries;

namespace StreamingMarketing.Client.Commands;

/// <summary><c>campaigns [--page N] [--page-size N] [--json]</c>: the campaign list with headline KPIs.</summary>
internal static class CampaignsCommand
{
    public static async Task<int> RunAsync(GatewayClient client, CommandArgs args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        args.AllowOnly([.. Output.GlobalOptions, "--json", "--page", "--page-size"]);
        var page = args.Number("--page", 1, min: 1);
        var size = args.Number("--page-size", 50, min: 1, max: QueryEndpoints.MaxPageSize);
        var raw = await client.GetRawAsync($"/api/campaigns?page={page}&pageSize={size}", cancellationToken);
        if (args.Has("--json"))
        {
            Output.Json(console, raw);
            return CommandLine.Ok;
        }

        var list = GatewayClient.Parse<CampaignListResponse>(raw);
        var table = new Table { Title = new TableTitle($"Campaigns {(page - 1) * size + 1}–{(page - 1) * size + list.Items.Count} of {list.Total}") }
            .AddColumn(new TableColumn("campaign").NoWrap())
            .AddColumns("events", "users", "engagement", "CTR", "conversions", "value", "sentiment", "last event (UTC)");
        foreach (var c in list.Items)
        {
            table.AddRow(Output.Cell(c.CampaignId), Output.Cell(Output.Count(c.Events)), Output.Cell(Output.Count(c.UniqueUsers)), Output.Cell(Output.Percent(c.EngagementRate)), Output.Cell(Output.Percent(c.Ctr)),
                Output.Cell(Output.Count(c.Conversions)), Output.Cell(Output.Money(c.ConversionValue)), Output.Cell(Output.Score(c.NetSentiment)),
                Output.Cell(c.LastEventAt?.ToString("MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "–"));
        }

        console.Write(table);
        return CommandLine.Ok;
    }
}
