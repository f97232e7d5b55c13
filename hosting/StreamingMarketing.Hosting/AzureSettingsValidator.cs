using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Hosting;

/// <summary>Checks what every profile that uses Azure needs; the azure profile's own needs are <see cref="AzureSettings.ValidateForEventHubs"/>.</summary>
public sealed class AzureSettingsValidator : IValidateOptions<AzureSettings>
{
    public ValidateOptionsResult Validate(string? name, AzureSettings options) => new OptionsFailures(AzureSettings.SectionName)
        .AtLeast(nameof(options.StreamQueues), options.StreamQueues, 1)
        .Positive(nameof(options.QueueVisibilityTimeout), options.QueueVisibilityTimeout)
        .Result;
}
