using System.Globalization;
using Spectre.Console;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Client.Commands;

/// <summary><c>models [--json]</c>: the serving sentiment model, its labels and validation metrics.</summary>
internal static class ModelsCommand
{
    public static async Task<int> RunAsync(GatewayClient client, CommandArgs args, IAnsiConsole console, CancellationToken cancellationToken)
    {
        args.AllowOnly([.. Output.GlobalOptions, "--json"]);
        var raw = await client.GetRawAsync("/api/models/current", cancellationToken);
        if (args.Has("--json"))
        {
            Output.Json(console, raw);
            return CommandLine.Ok;
        }

        var model = GatewayClient.Parse<ModelView>(raw);
        console.Write(Output.KeyValues($"Serving model {model.Version}",
            [
                ("labels", string.Join(", ", model.Labels)),
                ("created", Output.Time(model.CreatedAt)),
                ("active since", Output.Time(model.ActivatedAt)),
                ("execution provider", model.ExecutionProvider ?? "–"),
                ("served by", model.ServedBy ?? "–"),
                ("validation", model.ValidationMethod ?? "–"),
                .. model.ValidationMetrics.Select(m => (m.Key, m.Value.ToString("F4", CultureInfo.InvariantCulture))),
            ]));
        return CommandLine.Ok;
    }
}
