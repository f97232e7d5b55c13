using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Grains.DeadLetters;

namespace StreamingMarketing.Grains.Outbox;

/// <summary>Carries campaigns' interactions and insights grains' scores to user profile grains.</summary>
public sealed class UserPartCourier(IGrainFactory grains, IOptions<AggregationOptions> options, ILogger<UserPartCourier> logger, IDeadLetterSink? deadLetters = null)
    : PartCourier<UserPart>(grains, options.Value, deadLetters, logger, "users")
{
    protected override Task DeliverAsync(IGrainFactory grains, string destination, UserPart[] parts) =>
        grains.GetGrain<IUserProfileGrain>(destination).ApplyPartsAsync(parts);
}
