using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>Refuses webhook delivery settings the dispatcher could not run with, and anomaly rule defaults out of bounds, naming the key.</summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var anomaly = new List<string>();
        if (options.Rules.ForecastAnomaly is { } rule)
        {
            ForecastAnomalyRules.Check(rule, field => $"{AlertOptions.SectionName}:Rules:ForecastAnomaly:{char.ToUpperInvariant(field[0])}{field[1..]}", anomaly);
        }

        return new OptionsFailures(AlertOptions.SectionName)
            .Require(anomaly.Count == 0, string.Join(" ", anomaly))
            .AtLeast(nameof(options.MaxAttempts), options.MaxAttempts, 1)
            .NotNegative(nameof(options.InitialBackoff), options.InitialBackoff)
            .NotNegative(nameof(options.MaxBackoff), options.MaxBackoff)
            .Positive(nameof(options.RequestTimeout), options.RequestTimeout)
            .AtLeast(nameof(options.QueueCapacity), options.QueueCapacity, 1)
            .AtLeast(nameof(options.DeliveryWorkers), options.DeliveryWorkers, 1)
            .AtLeast(nameof(options.MaxQueuedPerCampaign), options.MaxQueuedPerCampaign, 0)
            .Result;
    }
}
