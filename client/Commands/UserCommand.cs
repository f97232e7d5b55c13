using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Client.Commands;

/// <summary><c>user ID [--json]</c>: one user's totals, campaigns, interests and sentiment.</summary>
internal sealed class UserCommand(IAnsiConsole console) : ApiCommand<UserCommand.Settings>(console)
{
    public sealed class Settings : ReadSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The user id.")]
        public string Id { get; init; } = "";
    }

    protected override async Task<int> RunAsync(GatewayConnection gateway, Settings settings, CancellationToken cancellationToken)
    {
        var client = gateway.Client;
        var console = Console;
        var id = settings.Id;
        var raw = await client.GetRawAsync($"/api/users/{Uri.EscapeDataString(id)}", cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, raw);
            return ExitCodes.Ok;
        }

        var user = GatewayClient.Parse<UserView>(raw);
        console.Write(Output.KeyValues($"User {user.UserId}",
            ("events", Output.Count(user.Totals.Values.Sum())),
            ("by type", string.Join(", ", user.Totals.Where(t => t.Value > 0).Select(t => $"{t.Key} {t.Value}"))),
            ("interests", string.Join(", ", user.Interests.Select(i => $"#{i.Tag} {i.Weight:F2}"))),
            ("sentiment", $"mean {Output.Score(user.Sentiment.MeanScore)} over {user.Sentiment.Positive + user.Sentiment.Neutral + user.Sentiment.Negative} texts"),
            ("first / last seen", $"{Output.Time(user.FirstSeen)} / {Output.Time(user.LastSeen)}")));

        var campaigns = new Table { Title = new TableTitle("Campaigns") }.AddColumns("campaign", "events", "last seen");
        foreach (var campaign in user.Campaigns)
        {
            campaigns.AddRow(Output.Cell(campaign.CampaignId), Output.Cell(Output.Count(campaign.Events)), Output.Cell(Output.Time(campaign.LastSeen)));
        }

        console.Write(campaigns);
        return ExitCodes.Ok;
    }
}
