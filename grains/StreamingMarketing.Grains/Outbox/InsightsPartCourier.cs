using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Grains.DeadLetters;

namespace StreamingMarketing.Grains.Outbox;

/// <summary>Carries campaigns' counted events to their insights grains (one call per campaign per round).</summary>
public sealed class InsightsPartCourier(IGrainFactory grains, IOptions<AggregationOptions> options, ILogger<InsightsPartCourier> logger, IDeadLetterSink? deadLetters = null)
    : PartCourier<InsightsPart>(grains, options.Value, deadLetters, logger, "insights")
{
    protected override Task DeliverAsync(IGrainFactory grains, string destination, InsightsPart[] parts) =>
        grains.GetGrain<ICampaignInsightsGrain>(destination).ApplyPartsAsync(parts);
}
