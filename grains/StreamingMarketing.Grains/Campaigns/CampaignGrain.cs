using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.DeadLetters;
using StreamingMarketing.Grains.Insights;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Grains.Scoring;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Grains.Telemetry;
using StreamingMarketing.Grains.Users;

namespace StreamingMarketing.Grains.Campaigns;

/// <summary>
/// Consumes its campaign's stream (implicit subscription, key = campaign id), applies each event exactly once,
/// and forwards the per-user part to user profile grains before counting it, so a crash between the two is
/// repaired by redelivery: the user grains drop what they already have, the campaign counts what it lost.
/// </summary>
[ImplicitStreamSubscription(StreamNames.CampaignEvents)]
public sealed class CampaignGrain : Grain, ICampaignGrain, IStreamSubscriptionObserver, IAsyncObserver<InteractionBatch>
{
    private readonly IPersistentState<CampaignState> state;
    private readonly AggregationOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<CampaignGrain> logger;
    private readonly CoalescedStateWriter<CampaignState> writer;
    private const int ScoringChunk = 256;
    private CampaignAggregator aggregator = null!;
    private const int MaxForwardsInFlight = 64;
    private readonly InProcessDelivery delivery;
    private readonly UserProfileForwarder userProfiles;
    private readonly Queue<Task> forwardsInFlight = new();
    private bool forwardReportsDelivery;
    private readonly IDeadLetterSink? deadLetters;
    private readonly AlertOptions alertOptions;
    private bool scoring;
    private IGrainTimer? insightsTimer;
    private bool insightsTimerArmed;
    private DateTime lastAlertEvaluation;
    private bool publishingAlerts;

    /// <summary>Alert rules are measured at most this often on the event path (scores and the timer always measure).</summary>
    private static readonly TimeSpan AlertEvaluationThrottle = TimeSpan.FromSeconds(1);

    public CampaignGrain(
        [PersistentState("campaign", StorageNames.GrainState)] IPersistentState<CampaignState> state,
        IOptions<AggregationOptions> options,
        TimeProvider clock,
        UnsavedGrains unsaved,
        InProcessDelivery delivery,
        UserProfileForwarder userProfiles,
        ILogger<CampaignGrain> logger,
        IOptions<AlertOptions> alertOptions,
        IDeadLetterSink? deadLetters = null)
    {
        this.deadLetters = deadLetters;
        this.delivery = delivery;
        this.userProfiles = userProfiles;
        this.alertOptions = alertOptions.Value;
        this.state = state;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        writer = new CoalescedStateWriter<CampaignState>(state, "campaign", this.options.CampaignStateWriteInterval, unsaved);
    }

    private string CampaignId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Applied.Capacity == 0)
        {
            state.State.Applied.Capacity = options.CampaignDedupeCapacity;
        }

        aggregator = new CampaignAggregator(state.State, options);
        aggregator.Insights.Describe(state.State.Metadata);
        writer.Attach(this);
        // One-shot, armed only while there is something to send or an alert to watch: idle campaigns cost no ticks.
        insightsTimer = this.RegisterGrainTimer(OnInsightsTickAsync, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        StartScoringPendingTexts();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Forwards still running carry segment changes into this state: let them land before the last write.
        await Task.WhenAll(forwardsInFlight);
        if (writer.IsDirty)
        {
            await writer.WriteNowAsync();
        }
    }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<InteractionBatch>().ResumeAsync(this);

    public async Task OnNextAsync(InteractionBatch batch, StreamSequenceToken? token = null)
    {
        // Stream turns don't interleave, so a field can say whether this batch's forward took over the report.
        forwardReportsDelivery = false;
        try
        {
            await ApplyBatchAsync(batch);
        }
        finally
        {
            if (!forwardReportsDelivery)
            {
                delivery.Delivered(batch.Events.Length);
            }
        }
    }

    private async Task ApplyBatchAsync(InteractionBatch batch)
    {
        var fresh = new List<InteractionEvent>(batch.Events.Length);
        var seenInBatch = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in batch.Events)
        {
            if (aggregator.WasApplied(e.EventId) || !seenInBatch.Add(e.EventId))
            {
                state.State.DuplicatesDropped++;
                PipelineMetrics.DuplicatesDropped.Add(1, new KeyValuePair<string, object?>("grain", "campaign"));
                continue;
            }

            fresh.Add(e);
        }

        if (fresh.Count == 0)
        {
            return;
        }

        // Persistent profiles forward to users before counting here, so a crash in between is repaired by redelivery.
        // With memory streams the forward runs behind, after the count, so "delivered" never precedes "counted".
        var pipelined = !options.WriteStateBeforeAck;
        if (!pipelined)
        {
            ApplySegmentChanges(await ForwardToUsersAsync(fresh));
        }

        var poison = Apply(fresh);
        if (pipelined)
        {
            await StartForwardAsync(fresh, batch.Events.Length);
        }

        await DeadLetterAsync(poison);
        await RegisterOnceAsync();

        if (options.WriteStateBeforeAck)
        {
            await writer.WriteNowAsync();
        }

        StartScoringPendingTexts();
        await AfterChangeAsync(force: false);
    }

    /// <summary>
    /// Memory streams acknowledge nothing, so there is no reason to hold the campaign's stream while its users apply a
    /// batch: the forward runs behind, at most <see cref="MaxForwardsInFlight"/> batches deep, and this grain goes on
    /// to the next item. Persistent profiles (WriteStateBeforeAck) forward inline instead, before acknowledging.
    /// </summary>
    private async Task StartForwardAsync(List<InteractionEvent> fresh, int batchEvents)
    {
        while (forwardsInFlight.TryPeek(out var oldest) && oldest.IsCompleted)
        {
            _ = forwardsInFlight.Dequeue();
        }

        // The forwarder copies what users need and retries failed users itself, so the batch is not kept meanwhile.
        forwardsInFlight.Enqueue(ForwardBehindAsync(ForwardToUsersAsync(fresh), fresh.Count, batchEvents));
        forwardReportsDelivery = true;
        while (forwardsInFlight.Count > MaxForwardsInFlight)
        {
            await forwardsInFlight.Dequeue();
        }
    }

    private async Task ForwardBehindAsync(Task<List<SegmentChange>> forward, int freshEvents, int batchEvents)
    {
        try
        {
            ApplySegmentChanges(await forward);
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "User profiles missed {Count} events of campaign {CampaignId}", freshEvents, CampaignId);
        }
        finally
        {
            delivery.Delivered(batchEvents);
        }
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        logger.LogWarning(ex, "Stream error on campaign {CampaignId}", CampaignId);
        return Task.CompletedTask;
    }

    public Task<CampaignView?> GetViewAsync() =>
        Task.FromResult(state.State.IsUnknown ? null : aggregator.ToView(CampaignId, clock.GetUtcNow().UtcDateTime));

    public Task<CampaignSummary?> GetSummaryAsync() =>
        Task.FromResult(state.State.IsUnknown ? null : aggregator.ToSummary(CampaignId));

    public async Task<CampaignMetadata> SetMetadataAsync(CampaignMetadata metadata)
    {
        state.State.Metadata = metadata;
        aggregator.Insights.Describe(metadata);
        writer.MarkDirty();
        // A manager's edit is answered only once it is durable, and the campaign is listed from then on.
        await writer.WriteNowAsync();
        await RegisterOnceAsync();
        if (metadata.Brand is { } brand)
        {
            await GrainFactory.GetGrain<IBrandGrain>(VoiceWindows.BrandKey(brand)).DescribeAsync(brand, metadata.Competitors);
        }

        return metadata;
    }

    public Task<List<InfluencerView>?> GetInfluencersAsync(int top) =>
        Task.FromResult(state.State.IsUnknown ? null : state.State.Insights.Influencers.Top(top));

    public Task FlushAsync() => writer.WriteIfDirtyAsync();

    private List<(InteractionEvent Event, string Error)> Apply(List<InteractionEvent> events)
    {
        var poison = new List<(InteractionEvent, string)>();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var e in events)
        {
            try
            {
                aggregator.Apply(e, now);
                aggregator.TryRemember(e.EventId);
                PipelineMetrics.EventsApplied.Add(1, new KeyValuePair<string, object?>("type", e.Type.ToWireName()));
                PipelineMetrics.EventLag.Record(Math.Max(0, (now - e.Timestamp).TotalSeconds));
                QueueText(e);
            }
            catch (Exception exception)
            {
                // A poison event must not stall the stream: count it, log it, dead-letter it, move on.
                aggregator.TryRemember(e.EventId);
                PipelineMetrics.PoisonEvents.Add(1);
                logger.LogError(exception, "Dead-lettering event {EventId} of campaign {CampaignId}: it failed to apply", e.EventId, CampaignId);
                poison.Add((e, exception.Message));
            }
        }

        writer.MarkDirty();
        return poison;
    }

    private async Task DeadLetterAsync(List<(InteractionEvent Event, string Error)> poison)
    {
        foreach (var (e, error) in poison)
        {
            try
            {
                await (deadLetters?.WriteAsync(e, error) ?? Task.CompletedTask);
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Could not dead-letter event {EventId}; it stays in the log above", e.EventId);
            }
        }
    }

    /// <summary>
    /// Texts are counted at once and scored behind: on CPU the encoder is far slower than the rest of the pipeline,
    /// and totals must not wait for it. The backlog is bounded; past it, texts are applied as unscored.
    /// </summary>
    private void QueueText(InteractionEvent e)
    {
        if (e.Text is null)
        {
            return;
        }

        if (state.State.PendingTexts.Count >= options.MaxPendingTexts)
        {
            aggregator.ApplySentiment(new PendingText(e.EventId, e.UserId, e.Text, e.Timestamp, e.Platform), SentimentScore.None, clock.GetUtcNow().UtcDateTime);
            PipelineMetrics.UnscoredTexts.Add(1, new KeyValuePair<string, object?>("reason", "backlog_full"));
            return;
        }

        state.State.PendingTexts.Add(new PendingText(e.EventId, e.UserId, e.Text, e.Timestamp, e.Platform));
    }

    private void StartScoringPendingTexts()
    {
        if (scoring || state.State.PendingTexts.Count == 0)
        {
            return;
        }

        // Not awaited: the loop runs on this activation's scheduler, between stream turns, so the stream keeps moving.
        scoring = true;
        _ = ScorePendingTextsAsync();
    }

    private async Task ScorePendingTextsAsync()
    {
        try
        {
            var pending = state.State.PendingTexts;
            while (pending.Count > 0)
            {
                // Texts only ever join at the end, so the first chunk is still the first chunk when the scores arrive.
                var chunk = pending.Take(ScoringChunk).ToArray();
                var scores = await PipelineSentiment.ScoreTextsAsync(GrainFactory, chunk.Select(t => t.Text).ToArray(), options.ScoringTimeout, logger);
                var now = clock.GetUtcNow().UtcDateTime;
                for (var i = 0; i < chunk.Length; i++)
                {
                    aggregator.ApplySentiment(chunk[i], scores[i], now);
                }

                pending.RemoveRange(0, chunk.Length);
                writer.MarkDirty();
                ApplySegmentChanges(await ForwardSentimentToUsersAsync(chunk, scores));
                // Sentiment rules are judged when scores land, not when texts are counted.
                await AfterChangeAsync(force: true);
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Sentiment scoring loop of campaign {CampaignId} stopped; pending texts are retried on the next batch", CampaignId);
        }
        finally
        {
            scoring = false;
        }
    }

    private async Task<SegmentChange?[]> ForwardSentimentToUsersAsync(PendingText[] texts, SentimentScore[] scores)
    {
        var byUser = new Dictionary<string, List<UserSentiment>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Length; i++)
        {
            if (!byUser.TryGetValue(texts[i].UserId, out var list))
            {
                byUser[texts[i].UserId] = list = [];
            }

            list.Add(new UserSentiment(texts[i].EventId, texts[i].Timestamp, scores[i]));
        }

        try
        {
            return await Task.WhenAll(byUser.Select(pair =>
                GrainFactory.GetGrain<IUserSegmentsGrain>(pair.Key).ApplyCampaignSentimentAsync(CampaignId, [.. pair.Value])));
        }
        catch (Exception exception)
        {
            // The campaign's own counts stand; a user's sentiment mix is the lesser loss, logged rather than retried forever.
            logger.LogWarning(exception, "Could not forward sentiment of {Count} texts of campaign {CampaignId} to user profiles", texts.Length, CampaignId);
            return [];
        }
    }

    /// <summary>
    /// A failure propagates: the stream item is then not acknowledged and the whole batch comes again, which is safe
    /// because both this grain and the user grains drop ids they already applied. The user grains answer how users'
    /// segments here moved, so segments need no extra message.
    /// </summary>
    private Task<List<SegmentChange>> ForwardToUsersAsync(List<InteractionEvent> events) => userProfiles.ForwardAsync(CampaignId, events);

    private void ApplySegmentChanges(IEnumerable<SegmentChange?> changes)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in changes)
        {
            if (change is not null)
            {
                aggregator.Insights.ApplySegmentChange(change, now);
                writer.MarkDirty();
            }
        }
    }

    /// <summary>After events or scores: send what the cross-campaign grains are owed, judge the alert rules.</summary>
    private async Task AfterChangeAsync(bool force)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (aggregator.Insights.Outbox.IsDue(now))
        {
            aggregator.Insights.Outbox.Flush(GrainFactory, now);
        }

        if (force || now - lastAlertEvaluation >= AlertEvaluationThrottle)
        {
            await EvaluateAlertsAsync(now);
        }

        ArmInsightsTimer();
    }

    private async Task OnInsightsTickAsync()
    {
        insightsTimerArmed = false;
        var now = clock.GetUtcNow().UtcDateTime;
        aggregator.Insights.Outbox.Flush(GrainFactory, now);
        await EvaluateAlertsAsync(now);
        ArmInsightsTimer();
    }

    /// <summary>While mentions or trend counts wait, or an alert is open (calm must be noticed without new events).</summary>
    private void ArmInsightsTimer()
    {
        var needed = !aggregator.Insights.Outbox.IsEmpty || state.State.Insights.Alerts.Open.Count > 0 || state.State.Insights.Alerts.Unpublished.Count > 0;
        if (needed && !insightsTimerArmed)
        {
            insightsTimerArmed = true;
            insightsTimer?.Change(InsightsOutbox.FlushInterval, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task EvaluateAlertsAsync(DateTime now)
    {
        lastAlertEvaluation = now;
        if (state.State.FirstEventAt is not { } firstEventAt)
        {
            return;
        }

        try
        {
            var rules = EffectiveRules.Resolve(alertOptions.Rules, state.State.Metadata?.AlertRules);
            foreach (var transition in aggregator.Insights.EvaluateAlerts(CampaignId, state.State.Windows, firstEventAt, rules, now))
            {
                writer.MarkDirty();
                var counter = transition.State == AlertStates.Open ? InsightsMetrics.AlertsOpened : InsightsMetrics.AlertsResolved;
                counter.Add(1, new KeyValuePair<string, object?>("rule", transition.Rule));
            }
        }
        catch (Exception exception)
        {
            // Alerts are a view on the counts: a fault here must never hold up the stream that feeds the counts.
            logger.LogError(exception, "Alert evaluation of campaign {CampaignId} failed", CampaignId);
        }

        await PublishAlertsAsync();
    }

    /// <summary>
    /// Hands transitions to the registry oldest first. One loop at a time: the scoring loop and stream turns both
    /// evaluate, and interleave at this await. A failure leaves the rest for the next evaluation.
    /// </summary>
    private async Task PublishAlertsAsync()
    {
        var unpublished = state.State.Insights.Alerts.Unpublished;
        if (publishingAlerts || unpublished.Count == 0)
        {
            return;
        }

        publishingAlerts = true;
        try
        {
            var registry = GrainFactory.GetGrain<IAlertRegistryGrain>(IAlertRegistryGrain.Key);
            while (unpublished.Count > 0)
            {
                await registry.RecordAsync(unpublished[0]);
                unpublished.RemoveAt(0);
                writer.MarkDirty();
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not publish {Count} alert transitions of campaign {CampaignId}; retried on the next evaluation", unpublished.Count, CampaignId);
        }
        finally
        {
            publishingAlerts = false;
        }
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
