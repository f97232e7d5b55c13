using System.Globalization;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Client.Commands;

/// <summary><c>models [--json]</c>: the serving sentiment model, its labels and validation metrics.</summary>
internal sealed class ModelsCommand(IAnsiConsole console) : ApiCommand<ModelsCommand.Settings>(console)
{
    public sealed class Settings : ReadSettings
    {
    }

    protected override async Task<int> RunAsync(GatewayConnection gateway, Settings settings, CancellationToken cancellationToken)
    {
        var client = gateway.Client;
        var console = Console;
        var raw = await client.GetRawAsync("/api/models/current", cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, raw);
            return ExitCodes.Ok;
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
        return ExitCodes.Ok;
    }
}
