using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Options;

namespace StreamingMarketing.Grains;

/// <summary>Refuses <see cref="AggregationOptions"/> that no grain could run with, naming the key.</summary>
public sealed class AggregationOptionsValidator : IValidateOptions<AggregationOptions>
{
    public ValidateOptionsResult Validate(string? name, AggregationOptions options) => new OptionsFailures(AggregationOptions.SectionName)
        .AtLeast(nameof(options.CampaignDedupeCapacity), options.CampaignDedupeCapacity, 1)
        .Positive(nameof(options.InterestHalfLife), options.InterestHalfLife)
        .Positive(nameof(options.CampaignStateWriteInterval), options.CampaignStateWriteInterval)
        .Positive(nameof(options.UserStateWriteInterval), options.UserStateWriteInterval)
        .NotNegative(nameof(options.OutboxRoundWindow), options.OutboxRoundWindow)
        .AtLeast(nameof(options.OutboxDeliveryAttempts), options.OutboxDeliveryAttempts, 1)
        .NotNegative(nameof(options.OutboxRetryDelay), options.OutboxRetryDelay)
        .Positive(nameof(options.PartResendAfter), options.PartResendAfter)
        .Positive(nameof(options.PartResendCheck), options.PartResendCheck)
        .AtLeast(nameof(options.MaxOutboxEventsInFlight), options.MaxOutboxEventsInFlight, 1)
        .Positive(nameof(options.ScoringTimeout), options.ScoringTimeout)
        .AtLeast(nameof(options.MaxPendingTexts), options.MaxPendingTexts, 0)
        .Result;
}
