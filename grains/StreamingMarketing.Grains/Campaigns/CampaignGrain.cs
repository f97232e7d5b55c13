using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Streams;
using Orleans.Streams.Core;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.DeadLetters;
using StreamingMarketing.Grains.Insights.Voice;
using StreamingMarketing.Grains.Outbox;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Campaigns;

/// <summary>
/// Consumes its campaign's stream (implicit subscription, key = campaign id), or gets its events from its partition's
/// consumer (<see cref="CampaignPartitionGrain"/>, persistent profiles), and counts each event exactly once. What
/// users and the campaign's insights grain are owed leaves as numbered outbox parts, kept in this grain's state and
/// handed to the silo's couriers only once the write that holds them (and the counts that caused them) succeeded.
/// Persistent streams get that write before their item is acknowledged; the embedded profile batches it.
/// </summary>
[ImplicitStreamSubscription(StreamNames.CampaignEvents)]
[PreferLocalPlacement]
public sealed class CampaignGrain : Grain, ICampaignGrain, IOutboxSource, IStreamSubscriptionObserver, IAsyncBatchObserver<InteractionBatch>
{
    private readonly IPersistentState<CampaignState> state;
    private readonly AggregationOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<CampaignGrain> logger;
    private readonly CoalescedStateWriter<CampaignState> writer;
    private readonly InProcessDelivery delivery;
    private readonly CampaignOutbox outbox;
    private readonly IDeadLetterSink? deadLetters;
    private CampaignAggregator aggregator = null!;

    public CampaignGrain(
        [PersistentState("campaign", StorageNames.GrainState)] IPersistentState<CampaignState> state,
        IOptions<AggregationOptions> options,
        TimeProvider clock,
        UnsavedGrains unsaved,
        InProcessDelivery delivery,
        UserPartCourier userCourier,
        InsightsPartCourier insightsCourier,
        ILogger<CampaignGrain> logger,
        IDeadLetterSink? deadLetters = null,
        ArchiveWriter? archive = null)
    {
        this.state = state;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        this.delivery = delivery;
        outbox = new CampaignOutbox(userCourier, insightsCourier, durable: this.options.WriteStateBeforeAck, archive);
        this.deadLetters = deadLetters;
        writer = new CoalescedStateWriter<CampaignState>(state, "campaign", this.options.CampaignStateWriteInterval, unsaved);
    }

    private string CampaignId => this.GetPrimaryKeyString();

    private ICampaignInsightsGrain InsightsGrain => GrainFactory.GetGrain<ICampaignInsightsGrain>(CampaignId);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Applied.Capacity == 0)
        {
            state.State.Applied.Capacity = options.CampaignDedupeCapacity;
        }

        // Built here, not in the constructor: the state object is replaced when it is read, just before activation.
        aggregator = new CampaignAggregator(state.State);
        state.State.NextPartSequence = PartNumbering.FirstSequence(state.State.NextPartSequence, clock.GetUtcNow().UtcDateTime);
        writer.Attach(this);
        outbox.ReleaseSaved(this.GetGrainId(), state.State);
        if (options.WriteStateBeforeAck)
        {
            this.RegisterGrainTimer(() =>
            {
                outbox.ResendOverdue(this.GetGrainId(), state.State, options.PartResendAfter);
                return Task.CompletedTask;
            }, options.PartResendCheck, options.PartResendCheck);
        }

        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => SaveIfDirtyAsync();

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<InteractionBatch>().ResumeAsync(this);

    public Task OnNextAsync(InteractionBatch batch, StreamSequenceToken? token = null) => CountAsync([batch]);

    /// <summary>
    /// The stream items the pulling agent had for this campaign, delivered together: one write covers them all before
    /// any is acknowledged, so under a backlog a write carries many requests' events instead of one's.
    /// </summary>
    public Task OnNextAsync(IList<SequentialItem<InteractionBatch>> items) => CountAsync([.. items.Select(item => item.Item)]);

    public async Task CountAsync(InteractionBatch[] items)
    {
        try
        {
            foreach (var item in items)
            {
                var fresh = aggregator.Fresh(item.Events);
                if (fresh.Count > 0)
                {
                    await CountAsync(fresh);
                }
            }

            // Also after a redelivery of nothing new: the item may be back because the write that counted it failed.
            if (options.WriteStateBeforeAck)
            {
                await SaveIfDirtyAsync();
            }

            await outbox.WaitForRoomAsync();
        }
        finally
        {
            foreach (var item in items)
            {
                delivery.Delivered(item);
            }
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        logger.LogWarning(ex, "Stream error on campaign {CampaignId}", CampaignId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Trims the outbox without asking for a write of its own: the next write carries the trim, and until then a
    /// restart only sends confirmed parts again, which their receivers recognise by number and confirm again.
    /// </summary>
    public Task ConfirmDeliveredAsync(long[] sequences)
    {
        outbox.Confirm(state.State, sequences);
        return Task.CompletedTask;
    }

    public async Task<CampaignView?> GetViewAsync() =>
        state.State.IsUnknown ? null : aggregator.ToView(CampaignId, await InsightsGrain.GetViewAsync(), clock.GetUtcNow().UtcDateTime);

    public async Task<CampaignSummary?> GetSummaryAsync() =>
        state.State.IsUnknown ? null : aggregator.ToSummary(CampaignId, await InsightsGrain.GetSentimentAsync());

    public async Task<CampaignMetadata> SetMetadataAsync(CampaignMetadata metadata)
    {
        var previous = state.State.Metadata;
        await writer.SaveChangeAsync(() => state.State.Metadata = metadata, () => state.State.Metadata = previous);
        await RegisterOnceAsync();
        await InsightsGrain.DescribeAsync(metadata);
        if (metadata.Brand is { } brand)
        {
            await GrainFactory.GetGrain<IBrandGrain>(VoiceWindows.BrandKey(brand)).DescribeAsync(brand, metadata.Competitors);
        }

        return metadata;
    }

    public async Task<List<InfluencerView>?> GetInfluencersAsync(int top) =>
        state.State.IsUnknown ? null : await InsightsGrain.GetInfluencersAsync(top);

    public Task<VariantsView?> GetVariantsAsync(VariantMetric metric, string? control, string seriesWindow) =>
        Task.FromResult(state.State.IsUnknown ? null : aggregator.ToVariants(CampaignId, metric, control, seriesWindow, clock.GetUtcNow().UtcDateTime));

    public Task<VariantCounts?> GetVariantCountsAsync(VariantMetric metric) =>
        Task.FromResult(state.State.IsUnknown ? null : aggregator.ToVariantCounts(metric, clock.GetUtcNow().UtcDateTime));

    public Task FlushAsync() => SaveIfDirtyAsync();

    private async Task CountAsync(List<InteractionEvent> events)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var counted = new List<InteractionEvent>(events.Count);
        foreach (var e in events)
        {
            try
            {
                aggregator.Apply(e, now);
                counted.Add(e);
                PipelineMetrics.EventsApplied.Add(1, new KeyValuePair<string, object?>("type", e.Type.ToWireName()));
                PipelineMetrics.EventLag.Record(Math.Max(0, (now - e.Timestamp).TotalSeconds));
            }
            catch (Exception exception)
            {
                // A poison event must not stall the stream: count it, log it, dead-letter it, move on.
                PipelineMetrics.PoisonEvents.Add(1);
                logger.LogError(exception, "Dead-lettering event {EventId} of campaign {CampaignId}: it failed to apply", e.EventId, CampaignId);
                await deadLetters.TryWriteAsync(new DeadLetter(DateTime.UtcNow, "event", exception.Message, e), logger);
            }
        }

        outbox.Owe(counted);
        writer.MarkDirty();
        await RegisterOnceAsync();
    }

    /// <summary>
    /// Numbers the parts owed for what was counted (archiving the events) and writes. Where streams redeliver (persistent profiles) the parts
    /// are in that write and leave after it, so a part never outlives a crash that its cause did not. Memory streams
    /// redeliver nothing and lose their queues with the process, so the embedded profile sends parts first and keeps
    /// them out of its writes: a second copy of every event in each write would protect against a crash that loses the
    /// events themselves anyway, at the price of serializing every event twice (docs/design.md, "What parts cost").
    /// </summary>
    private async Task SaveIfDirtyAsync()
    {
        await outbox.NumberAsync(CampaignId, state.State);
        if (!options.WriteStateBeforeAck)
        {
            outbox.Release(this.GetGrainId());
        }

        await writer.WriteIfDirtyAsync();
        outbox.Release(this.GetGrainId());
    }

    private async Task RegisterOnceAsync()
    {
        if (state.State.Registered)
        {
            return;
        }

        await GrainFactory.GetGrain<ICampaignCatalogGrain>(0).RegisterAsync(CampaignId);
        state.State.Registered = true;
    }
}
