using Orleans.Streams;
using Orleans.Streams.Core;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Grains.Campaigns;

namespace StreamingMarketing.Benchmarks.Pipeline;

/// <summary>Marker interface so Orleans can address the no-op subscriber.</summary>
public interface INoOpSubscriberGrain : IGrainWithStringKey;

/// <summary>
/// The benchmark ceiling: an implicit subscriber on the same stream provider that only counts what it receives,
/// so "events/s to this grain" is what Orleans streams can deliver here with no work done.
/// </summary>
[ImplicitStreamSubscription(StreamNamespace)]
public sealed class NoOpSubscriberGrain(InProcessDelivery delivery) : Grain, INoOpSubscriberGrain, IStreamSubscriptionObserver, IAsyncObserver<InteractionBatch>
{
    /// <summary>
    /// The same provider and batches as campaign events (<see cref="StreamNames.CampaignEvents"/>), with nothing done on
    /// delivery, which makes it the ceiling the pipeline is measured against.
    /// </summary>
    public const string StreamNamespace = "bench-noop";

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<InteractionBatch>().ResumeAsync(this);

    public Task OnNextAsync(InteractionBatch item, StreamSequenceToken? token = null)
    {
        delivery.Delivered(item);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}
