using Spectre.Console;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Client.Commands;

/// <summary><c>campaign ID [--json]</c>: one campaign's KPIs, windows, sentiment, top hashtags and most negative comments.</summary>
internal static class CampaignCommand
{
    public static async Task<int> RunAsync(GatewayClient client, CommandArgs args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        args.AllowOnly([.. Output.GlobalOptions, "--json"]);
        var id = args.Positionals is [var only] ? only : throw new UsageException("campaign needs one campaign id.");
        var raw = await client.GetRawAsync($"/api/campaigns/{Uri.EscapeDataString(id)}", cancellationToken);
        if (args.Has("--json"))
        {
            Output.Json(console, raw);
            return CommandLine.Ok;
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

        return CommandLine.Ok;
    }
}
