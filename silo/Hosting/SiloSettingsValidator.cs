using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;
using StreamingMarketing.Hosting;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>Refuses host settings no silo could start with, naming the key.</summary>
public sealed class SiloSettingsValidator : IValidateOptions<SiloSettings>
{
    public ValidateOptionsResult Validate(string? name, SiloSettings options) => new OptionsFailures(SiloSettings.SectionName)
        .Require(Profiles.All.Contains(options.Profile),
            $"{SiloSettings.SectionName}:Profile: unknown profile '{options.Profile}': expected {Profiles.Embedded}, {Profiles.LocalCluster} or {Profiles.Azure}.")
        .AtLeast(nameof(options.SiloPort), options.SiloPort, 0)
        .AtLeast(nameof(options.GatewayPort), options.GatewayPort, 0)
        .AtLeast(nameof(options.StreamQueues), options.StreamQueues, 1)
        .Require(options.StreamCacheRetention > TimeSpan.Zero,
            $"{SiloSettings.SectionName}:{nameof(options.StreamCacheRetention)} must be a positive time span (for example 00:00:30), not " +
            $"{options.StreamCacheRetention}: the memory streams would forget events before their subscribers read them.")
        .Result;
}
