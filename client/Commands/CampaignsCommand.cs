using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Gateway.Queries;

namespace StreamingMarketing.Client.Commands;

/// <summary><c>campaigns [--page N] [--page-size N] [--json]</c>: the campaign list with headline KPIs.</summary>
internal sealed class CampaignsCommand(IAnsiConsole console) : ApiCommand<CampaignsCommand.Settings>(console)
{
    public sealed class Settings : ReadSettings
    {
        [CommandOption("--page <N>")]
        [Description("Page number, from 1.")]
        [DefaultValue(1)]
        public int Page { get; init; } = 1;

        [CommandOption("--page-size <N>")]
        [Description("Campaigns per page, 1 to 500.")]
        [DefaultValue(50)]
        public int PageSize { get; init; } = 50;

        protected override ValidationResult ValidateOptions() =>
            All(InRange(Page, "--page", 1, int.MaxValue), InRange(PageSize, "--page-size", 1, QueryEndpoints.MaxPageSize));
    }

    protected override async Task<int> RunAsync(GatewayConnection gateway, Settings settings, CancellationToken cancellationToken)
    {
        var client = gateway.Client;
        var console = Console;
        var (page, size) = (settings.Page, settings.PageSize);
        var raw = await client.GetRawAsync($"/api/campaigns?page={page}&pageSize={size}", cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, raw);
            return ExitCodes.Ok;
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
        return ExitCodes.Ok;
    }
}
