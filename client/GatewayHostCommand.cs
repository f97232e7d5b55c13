using System.ComponentModel;
using Spectre.Console.Cli;
using StreamingMarketing.Client.Gateway;

namespace StreamingMarketing.Client;

/// <summary>
/// <c>gateway</c>: the HTTP API hosted by an Orleans client. The options are declared for help and validation; the host
/// reads them, and any further configuration after <c>--</c> (<c>-- --Logging:LogLevel:Default Warning</c>), itself.
/// </summary>
internal sealed class GatewayHostCommand : AsyncCommand<GatewayHostCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("HTTP listen address (default http://127.0.0.1:5081; without API keys loopback only).")]
        public string? Urls { get; init; }

        [CommandOption("--gateway-port <PORT>")]
        [Description("The silos' Orleans gateway port (default 30000).")]
        public int? GatewayPort { get; init; }

        [CommandOption("--profile <PROFILE>")]
        [Description("embedded, local-cluster or azure: must match the silos'.")]
        public string? Profile { get; init; }
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        StandaloneGateway.RunAsync([.. HostArguments(context.Arguments)]);

    /// <summary>Everything after the command name, the <c>--</c> separator left out: ASP.NET Core reads it as configuration.</summary>
    private static IEnumerable<string> HostArguments(IReadOnlyList<string> arguments) =>
        arguments.SkipWhile(argument => argument != "gateway").Skip(1).Where(argument => argument != "--");
}
