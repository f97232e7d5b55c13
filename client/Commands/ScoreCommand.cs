using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Client.Commands;

/// <summary><c>score TEXT [TEXT…] [--json]</c>: sentiment of each text, from the serving model.</summary>
internal sealed class ScoreCommand(IAnsiConsole console) : ApiCommand<ScoreCommand.Settings>(console)
{
    public sealed class Settings : ReadSettings
    {
        [CommandArgument(0, "<TEXT>")]
        [Description("One or more texts; quote each: score \"love this\".")]
        public string[] Texts { get; init; } = [];
    }

    protected override async Task<int> RunAsync(GatewayConnection gateway, Settings settings, CancellationToken cancellationToken)
    {
        var client = gateway.Client;
        var console = Console;
        var raw = await client.PostRawAsync("/api/sentiment", new { texts = settings.Texts }, cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, raw);
            return ExitCodes.Ok;
        }

        var scores = GatewayClient.Parse<SentimentResponse>(raw);
        var table = new Table { Title = new TableTitle($"Sentiment ({scores.ModelVersion})") }
            .AddColumns("text", "label", "score", "p(negative)", "p(neutral)", "p(positive)");
        foreach (var (text, result) in settings.Texts.Zip(scores.Results))
        {
            table.AddRow(Output.Cell(text), Output.Cell(result.Label), Output.Cell(Output.Score(result.Score)),
                Output.Cell(P(result, "negative")), Output.Cell(P(result, "neutral")), Output.Cell(P(result, "positive")));
        }

        console.Write(table);
        return ExitCodes.Ok;
    }

    private static string P(SentimentResultView result, string label) =>
        result.Probabilities.TryGetValue(label, out var p) ? p.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "–";
}
