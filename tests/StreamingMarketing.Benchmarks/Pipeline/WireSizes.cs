using Orleans.Serialization;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Grains.Campaigns;

namespace StreamingMarketing.Benchmarks.Pipeline;

/// <summary>
/// Bytes serialized per event on the two hops that leave a grain: the stream batch a publisher writes (serialized by
/// the stream provider on every silo) and the user parts a campaign's courier sends (serialized when the profile lives
/// on another silo; copied within one). Measured with the silo's own serializer over one request of the bench's traffic.
/// </summary>
public static class WireSizes
{
    public static (double StreamBatch, double UserParts) PerEvent(Serializer serializer, List<InteractionEvent> request)
    {
        var byCampaign = request.GroupBy(e => e.CampaignId).ToList();
        var batchBytes = byCampaign.Sum(g => serializer.SerializeToArray(new InteractionBatch([.. g], Guid.NewGuid())).Length);
        var partBytes = 0L;
        foreach (var campaign in byCampaign)
        {
            // The parts the campaign grain itself cuts, numbered as a campaign well into its stream numbers them.
            var nextSequence = 1_000_000L;
            partBytes += CampaignParts.ForUsers(campaign.Key, [.. campaign], previousFor: _ => nextSequence - 1, ref nextSequence)
                .Sum(part => serializer.SerializeToArray(part).Length);
        }

        return (batchBytes / (double)request.Count, partBytes / (double)request.Count);
    }
}
