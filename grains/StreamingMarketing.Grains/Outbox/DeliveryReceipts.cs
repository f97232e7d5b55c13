using Microsoft.Extensions.Logging;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Outbox;

namespace StreamingMarketing.Grains.Outbox;

/// <summary>
/// A receiver's half of durable delivery (the persistent profiles): the parts it applied, or recognised as resent,
/// whose sources have not yet heard that they are durable. They are confirmed after the receiver's own coalesced
/// write, so the receiver answers each delivery at once and writes once per interval, yet a source drops a part only
/// when its effect survives a crash. A receipt lost with a crash or a failed call costs a resend, which the receiver
/// recognises by number and confirms again. Off (nothing recorded) where the courier confirms on delivery.
/// </summary>
public sealed class DeliveryReceipts(bool enabled)
{
    // Null while nothing waits, which is most of the time for most profiles: a receiver per user holds one of these.
    private Dictionary<(PartSource Source, string CampaignId), List<long>>? pending;

    public void Add(PartSource source, string campaignId, long sequence)
    {
        if (!enabled)
        {
            return;
        }

        pending ??= [];
        if (!pending.TryGetValue((source, campaignId), out var sequences))
        {
            pending[(source, campaignId)] = sequences = [];
        }

        sequences.Add(sequence);
    }

    /// <summary>Call only once everything recorded so far is written: one confirmation per source.</summary>
    public async Task SendAsync(IGrainFactory grains, ILogger logger)
    {
        if (pending is not { Count: > 0 } sending)
        {
            return;
        }

        pending = null;
        await Task.WhenAll(sending.Select(async entry =>
        {
            try
            {
                await SourceOf(grains, entry.Key.Source, entry.Key.CampaignId).ConfirmDeliveredAsync([.. entry.Value]);
            }
            catch (Exception exception)
            {
                logger.LogDebug(exception, "Could not confirm {Count} durable parts to the {Source} of {CampaignId}", entry.Value.Count, entry.Key.Source, entry.Key.CampaignId);
            }
        }));
    }

    private static IOutboxSource SourceOf(IGrainFactory grains, PartSource source, string campaignId) => source == PartSource.Campaign
        ? grains.GetGrain<ICampaignGrain>(campaignId).AsReference<IOutboxSource>()
        : grains.GetGrain<ICampaignInsightsGrain>(campaignId).AsReference<IOutboxSource>();
}
