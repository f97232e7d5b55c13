using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Client.Commands;

/// <summary><c>campaign ID [--json]</c>: one campaign's KPIs, windows, sentiment, top hashtags and most negative comments.</summary>
internal sealed class CampaignCommand(IAnsiConsole console) : ApiCommand<CampaignCommand.Settings>(console)
{
    public sealed class Settings : ReadSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The campaign id.")]
        public string Id { get; init; } = "";
    }

    protected override async Task<int> RunAsync(GatewayConnection gateway, Settings settings, CancellationToken cancellationToken)
    {
        var client = gateway.Client;
        var console = Console;
        var id = settings.Id;
        var raw = await client.GetRawAsync($"/api/campaigns/{Uri.EscapeDataString(id)}", cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, raw);
            return ExitCodes.Ok;
        }

        var view = GatewayClient.Parse<CampaignView>(raw);
        console.Write(Output.KeyValues($"Campaign {view.CampaignId}",
            ("events", Output.Count(view.Totals.Values.Sum())),
            ("unique users", (view.UniqueUsersExact ? "" : "≈") + Output.Count(view.UniqueUsers)),
            ("engagement rate", Output.Percent(view.EngagementRate)),
            ("CTR", Output.Percent(view.Ctr)),
            ("conversions", $"{Output.Count(view.Conversions)} worth {Output.Money(view.ConversionValue)}"),
            ("sentiment", $"{view.Sentiment.Positive} positive, {view.Sentiment.Neutral} neutral, {view.Sentiment.Negative} negative, mean {Output.Score(view.Sentiment.MeanScore)}"),
            ("first / last event", $"{Output.Time(view.FirstEventAt)} / {Output.Time(view.LastEventAt)}")));

        var windows = new Table { Title = new TableTitle("Windows (event time)") }.AddColumns("window", "events", "engagement", "CTR", "value");
        foreach (var (name, window) in view.Windows)
        {
            windows.AddRow(Output.Cell(name), Output.Cell(Output.Count(window.Totals.Values.Sum())), Output.Cell(Output.Percent(window.EngagementRate)),
                Output.Cell(Output.Percent(window.Ctr)), Output.Cell(Output.Money(window.ConversionValue)));
        }

        console.Write(windows);
        if (view.TopHashtags.Count > 0)
        {
            console.Write(new BarChart { Label = "Top hashtags", Width = 60 }.AddItems(view.TopHashtags, tag => new BarChartItem("#" + Markup.Escape(tag.Tag), tag.Count, Color.SteelBlue)));
        }

        if (view.MostNegativeComments.Count > 0)
        {
            var comments = new Table { Title = new TableTitle("Most negative recent comments") }.AddColumns("score", "user", "text");
            foreach (var comment in view.MostNegativeComments)
            {
                comments.AddRow(Output.Cell(Output.Score(comment.Score)), Output.Cell(comment.UserId), Output.Cell(comment.Text));
            }

            console.Write(comments);
        }

        return ExitCodes.Ok;
    }
}
