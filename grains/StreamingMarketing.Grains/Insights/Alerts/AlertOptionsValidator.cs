using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>Refuses webhook delivery settings the dispatcher could not run with, naming the key.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options) => new OptionsFailures(AlertOptions.SectionName)
        .AtLeast(nameof(options.MaxAttempts), options.MaxAttempts, 1)
        .NotNegative(nameof(options.InitialBackoff), options.InitialBackoff)
        .NotNegative(nameof(options.MaxBackoff), options.MaxBackoff)
        .Positive(nameof(options.RequestTimeout), options.RequestTimeout)
        .AtLeast(nameof(options.QueueCapacity), options.QueueCapacity, 1)
        .AtLeast(nameof(options.DeliveryWorkers), options.DeliveryWorkers, 1)
        .AtLeast(nameof(options.MaxQueuedPerCampaign), options.MaxQueuedPerCampaign, 0)
        .Result;
}
