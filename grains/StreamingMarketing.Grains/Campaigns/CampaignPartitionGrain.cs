using Orleans.Placement;
using Orleans.Streams;
using Orleans.Streams.Core;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;

namespace StreamingMarketing.Grains.Campaigns;

/// <summary>Marker interface so Orleans can address a partition's consumer.</summary>
public interface ICampaignPartitionGrain : IGrainWithStringKey;

/// <summary>
/// Consumes one partition of the campaigns (persistent profiles: a stream item there costs queue operations, so the
/// gateway sends one per partition and request, not one per campaign) and hands each campaign its events. It keeps
/// nothing: it answers the stream only once every campaign answered, and campaigns answer once their counts are
/// written, so a failure anywhere leaves the items unacknowledged and their redelivery is dropped by each campaign's
/// dedupe. Placed on the silo whose pulling agent delivers to it, so the hop costs no network.
/// </summary>
[ImplicitStreamSubscription(StreamNames.CampaignPartitions)]
[PreferLocalPlacement]
public sealed class CampaignPartitionGrain : Grain, ICampaignPartitionGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<InteractionBatch>
{
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<InteractionBatch>().ResumeAsync(this);

    public Task OnNextAsync(InteractionBatch item, StreamSequenceToken? token = null) => HandOutAsync([item]);

    public Task OnNextAsync(IList<SequentialItem<InteractionBatch>> items) => HandOutAsync([.. items.Select(item => item.Item)]);

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;

    /// <summary>Each campaign gets one call with its events of every item, in item order.</summary>
    private Task HandOutAsync(InteractionBatch[] items)
    {
        var byCampaign = new Dictionary<string, List<InteractionEvent>>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            foreach (var e in item.Events)
            {
                if (!byCampaign.TryGetValue(e.CampaignId, out var events))
                {
                    byCampaign[e.CampaignId] = events = [];
                }

                events.Add(e);
            }
        }

        return Task.WhenAll(byCampaign.Select(pair =>
            GrainFactory.GetGrain<ICampaignGrain>(pair.Key).CountAsync([new InteractionBatch([.. pair.Value])])));
    }
}
