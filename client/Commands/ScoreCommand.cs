using Spectre.Console;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Client.Commands;

/// <summary><c>score TEXT [TEXT…] [--json]</c>: sentiment of each text, from the serving model.</summary>
internal static class ScoreCommand
{
    public static async Task<int> RunAsync(GatewayClient client, CommandArgs args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        args.AllowOnly([.. Output.GlobalOptions, "--json"]);
        if (args.Positionals.Count == 0)
        {
            throw new UsageException("score needs at least one text (quote it: score \"love this\").");
        }

        var raw = await client.PostRawAsync("/api/sentiment", new { texts = args.Positionals }, cancellationToken);
        if (args.Has("--json"))
        {
            Output.Json(console, raw);
            return CommandLine.Ok;
        }

        var scores = GatewayClient.Parse<SentimentResponse>(raw);
        var table = new Table { Title = new TableTitle($"Sentiment ({scores.ModelVersion})") }
            .AddColumns("text", "label", "score", "p(negative)", "p(neutral)", "p(positive)");
        foreach (var (text, result) in args.Positionals.Zip(scores.Results))
        {
            table.AddRow(Output.Cell(text), Output.Cell(result.Label), Output.Cell(Output.Score(result.Score)),
                Output.Cell(P(result, "negative")), Output.Cell(P(result, "neutral")), Output.Cell(P(result, "positive")));
        }

        console.Write(table);
        return CommandLine.Ok;
    }

    private static string P(SentimentResultView result, string label) =>
        result.Probabilities.TryGetValue(label, out var p) ? p.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
