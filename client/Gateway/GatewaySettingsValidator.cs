using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;
using StreamingMarketing.Hosting;

namespace StreamingMarketing.Client.Gateway;

/// <summary>Refuses host settings no standalone gateway could start with, naming the key.</summary>
public sealed class GatewaySettingsValidator : IValidateOptions<GatewaySettings>
{
    public ValidateOptionsResult Validate(string? name, GatewaySettings options) => new OptionsFailures(GatewaySettings.SectionName)
        .Require(Profiles.All.Contains(options.Profile),
            $"{GatewaySettings.SectionName}:Profile: unknown profile '{options.Profile}': expected {Profiles.Embedded}, {Profiles.LocalCluster} or {Profiles.Azure}.")
        .AtLeast(nameof(options.GatewayPort), options.GatewayPort, 0)
        .Result;
}
