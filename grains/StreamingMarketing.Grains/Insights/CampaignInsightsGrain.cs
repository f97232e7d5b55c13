using Orleans.Placement;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Forecasting;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Grains.Insights.Erasure;
using StreamingMarketing.Grains.Outbox;
using StreamingMarketing.Grains.Scoring;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Insights;

/// <summary>
/// A campaign's analysis, fed one way by its campaign grain's numbered parts. Events update the windows and insights
/// at once; texts wait in this grain's state and are scored on its timer, one chunk per turn, so a slow scorer never
/// holds the campaign's counting. Scores go on one way to the users, as numbered parts of this grain's own outbox.
/// </summary>
[PreferLocalPlacement]
public sealed class CampaignInsightsGrain : Grain, ICampaignInsightsGrain, IOutboxSource
{
    /// <summary>Texts per scorer call: one micro-batch's worth, so a turn stays short.</summary>
    private const int ScoringChunk = 256;

    /// <summary>How long one turn waits for the scorer before it leaves the texts for the next turn.</summary>
    private static readonly TimeSpan ScoringWait = TimeSpan.FromSeconds(5);

    /// <summary>Alert rules are measured at most this often while events arrive (scores always measure).</summary>
    private static readonly TimeSpan AlertInterval = TimeSpan.FromSeconds(1);

    private static readonly KeyValuePair<string, object?> ReceiverTag = new("receiver", "insights");

    private readonly IPersistentState<CampaignInsightsState> state;
    private readonly AggregationOptions options;
    private readonly AlertOptions alertOptions;
    private readonly TimeProvider clock;
    private readonly ILogger<CampaignInsightsGrain> logger;
    private readonly CoalescedStateWriter<CampaignInsightsState> writer;
    private readonly OutboxLane<UserPart> users;
    private readonly DeliveryReceipts receipts;
    private readonly SuppressionList suppressed;
    private readonly bool suppressErased;
    private CampaignInsights insights = null!;
    private IGrainTimer? timer;
    private DateTime? timerDueAt;

    public CampaignInsightsGrain(
        [PersistentState("insights", StorageNames.GrainState)] IPersistentState<CampaignInsightsState> state,
        IOptions<AggregationOptions> options,
        IOptions<AlertOptions> alertOptions,
        TimeProvider clock,
        UnsavedGrains unsaved,
        UserPartCourier userCourier,
        SuppressionList suppressed,
        IOptions<ErasureOptions> erasure,
        ILogger<CampaignInsightsGrain> logger)
    {
        this.suppressed = suppressed;
        suppressErased = erasure.Value.SuppressErasedUsers;
        this.state = state;
        this.options = options.Value;
        this.alertOptions = alertOptions.Value;
        this.clock = clock;
        this.logger = logger;
        users = new OutboxLane<UserPart>(userCourier, durable: this.options.WriteStateBeforeAck);
        receipts = new DeliveryReceipts(this.options.WriteStateBeforeAck);
        writer = new CoalescedStateWriter<CampaignInsightsState>(state, "insights", this.options.CampaignStateWriteInterval, unsaved);
    }

    private string CampaignId => this.GetPrimaryKeyString();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        insights = new CampaignInsights(state.State, CampaignInsights.MostNegativeComments);
        state.State.NextPartSequence = PartNumbering.FirstSequence(state.State.NextPartSequence, Now);
        insights.Describe(state.State.Metadata);
        writer.Attach(this);
        timer = this.RegisterGrainTimer(OnTimerAsync, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        users.ReleaseSaved(this.GetGrainId(), state.State.UserParts);
        if (options.WriteStateBeforeAck)
        {
            this.RegisterGrainTimer(() =>
            {
                users.ResendOverdue(this.GetGrainId(), state.State.UserParts, options.PartResendAfter);
                return Task.CompletedTask;
            }, options.PartResendCheck, options.PartResendCheck);
        }

        ArmTimer(state.State.PendingTexts.Count > 0 ? TimeSpan.Zero : AlertInterval);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Trend and mention counts are summed in memory only: a clean stop sends them rather than losing them.
        insights.Outbox.Flush(GrainFactory, Now);
        await SaveIfDirtyAsync();
    }

    public async Task ApplyPartsAsync(InsightsPart[] parts)
    {
        var now = Now;
        foreach (var part in parts)
        {
            if (part.Sequence <= state.State.LastCampaignPart)
            {
                PipelineMetrics.OutboxResendsIgnored.Add(1, ReceiverTag);
                receipts.Add(PartSource.Campaign, CampaignId, part.Sequence);
                continue;
            }

            if (part.After > state.State.LastCampaignPart)
            {
                throw new PartOutOfOrderException($"insights of {CampaignId} got part {part.Sequence} before part {part.After}");
            }

            foreach (var e in part.Events)
            {
                Apply(e, now);
            }

            state.State.LastCampaignPart = part.Sequence;
            receipts.Add(PartSource.Campaign, CampaignId, part.Sequence);
            writer.MarkDirty();
        }

        // Parts are confirmed once written, by the coalesced write; with nothing unwritten, resends are confirmed now.
        if (!writer.IsDirty)
        {
            await receipts.SendAsync(GrainFactory, logger);
        }

        ArmTimer(state.State.PendingTexts.Count > 0 ? TimeSpan.Zero : AlertInterval);
    }

    public Task ApplySegmentChangesAsync(SegmentChange[] changes)
    {
        foreach (var change in changes)
        {
            insights.ApplySegmentChange(change, Now);
        }

        writer.MarkDirty();
        return Task.CompletedTask;
    }

    public async Task DescribeAsync(CampaignMetadata metadata)
    {
        var previous = state.State.Metadata;
        await writer.SaveChangeAsync(() => state.State.Metadata = metadata, () => state.State.Metadata = previous);
        insights.Describe(metadata);
    }

    public Task<CampaignInsightsView> GetViewAsync() => Task.FromResult(insights.ToView(Now, trendingTop: 10));

    public Task<SentimentView> GetSentimentAsync() => Task.FromResult(insights.SentimentView());

    public Task<List<InfluencerView>> GetInfluencersAsync(int top) => Task.FromResult(state.State.Influencers.Top(top));

    public Task<MetricHistory?> GetHistoryAsync(ForecastMetric metric) => Task.FromResult(HistoryReader.Read(state.State.History, metric, Now));

    public async Task<ErasedTraces> EraseUserAsync(string userId)
    {
        var outcome = UserTraceEraser.Erase(state.State, userId);
        if (outcome.Removed == 0)
        {
            return ErasedTraces.None;
        }

        // Counted already, so still counted: unscored, since the text is gone before the scorer saw it, and no part goes
        // to the erased user.
        var now = Now;
        var unscored = PipelineSentiment.Unscored(outcome.Pending.Length, "erased");
        for (var i = 0; i < outcome.Pending.Length; i++)
        {
            insights.ApplySentiment(outcome.Pending[i], unscored[i], now);
        }

        writer.MarkDirty();
        await SaveIfDirtyAsync();
        return new ErasedTraces(outcome.Removed, outcome.TextFingerprints);
    }

    public async Task<int> PurgeTextsBeforeAsync(DateTime cutoff)
    {
        var purged = state.State.MostNegative.RemoveAll(c => c.Timestamp < cutoff);
        if (purged > 0)
        {
            writer.MarkDirty();
            await SaveIfDirtyAsync();
        }

        return purged;
    }

    /// <summary>Trims the outbox; the next write carries the trim (see CampaignGrain.ConfirmDeliveredAsync).</summary>
    public Task ConfirmDeliveredAsync(long[] sequences)
    {
        users.Confirm(state.State.UserParts, [.. sequences]);
        return Task.CompletedTask;
    }

    public Task FlushAsync() => SaveIfDirtyAsync();

    private void Apply(InteractionEvent e, DateTime now)
    {
        try
        {
            insights.Apply(e, now);
        }
        catch (Exception exception)
        {
            // The campaign counted this event already; its analysis is the lesser loss, and must not stall the rest.
            PipelineMetrics.PoisonEvents.Add(1);
            logger.LogError(exception, "Insights skipped event {EventId} of campaign {CampaignId}: it failed to apply", e.EventId, CampaignId);
            return;
        }

        if (e.Text is null)
        {
            return;
        }

        var text = new PendingText(e.EventId, e.UserId, e.Text, e.Timestamp, e.Platform, now);
        if (suppressErased && suppressed.Contains(e.UserId))
        {
            // Counted like any text, but an erased user's text arriving late is never kept, not even until scored.
            insights.ApplySentiment(text, PipelineSentiment.Unscored(1, "erased")[0], now);
            return;
        }

        if (state.State.PendingTexts.Count >= options.MaxPendingTexts)
        {
            ApplyScores([text], PipelineSentiment.Unscored(1, "backlog_full"), now);
            return;
        }

        state.State.PendingTexts.Add(text);
    }

    /// <summary>One turn: score one chunk of texts, then measure alert rules and send what the cross-campaign grains are owed.</summary>
    private async Task OnTimerAsync()
    {
        timerDueAt = null;
        var scored = await ScoreNextChunkAsync();
        var now = Now;
        if (scored || insights.Outbox.IsDue(now))
        {
            insights.Outbox.Flush(GrainFactory, now);
        }

        EvaluateAlerts(now);
        await PublishAlertsAsync();
        await SaveIfDirtyAsync();

        if (state.State.PendingTexts.Count > 0)
        {
            ArmTimer(scored ? TimeSpan.Zero : TimeSpan.FromMilliseconds(200));
        }
        else if (!insights.Outbox.IsEmpty || state.State.Alerts.Open.Count > 0 || state.State.Alerts.Unpublished.Count > 0)
        {
            // Calm must be noticed without new events, and summed trend counts must leave.
            ArmTimer(InsightsOutbox.FlushInterval);
        }
    }

    /// <summary>True when texts left the queue (scored, or unscored past their deadline).</summary>
    private async Task<bool> ScoreNextChunkAsync()
    {
        var pending = state.State.PendingTexts;
        if (pending.Count == 0)
        {
            return false;
        }

        // Texts only ever join at the end, so the first chunk is still the first chunk when the scores arrive.
        var chunk = pending.Take(ScoringChunk).ToArray();
        var scores = await PipelineSentiment.TryScoreAsync(GrainFactory, [.. chunk.Select(t => t.Text)], ScoringWait, logger);
        var now = Now;
        if (scores is null)
        {
            if (now - chunk[0].QueuedAt < options.ScoringTimeout)
            {
                return false;
            }

            scores = PipelineSentiment.Unscored(chunk.Length, "timeout");
        }

        pending.RemoveRange(0, chunk.Length);
        ApplyScores(chunk, scores, now);
        return true;
    }

    private void ApplyScores(PendingText[] texts, SentimentScore[] scores, DateTime now)
    {
        var byUser = new Dictionary<string, List<UserSentiment>>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Length; i++)
        {
            insights.ApplySentiment(texts[i], scores[i], now);
            if (!byUser.TryGetValue(texts[i].UserId, out var list))
            {
                byUser[texts[i].UserId] = list = [];
            }

            list.Add(new UserSentiment(CampaignId, texts[i].Timestamp, scores[i]));
        }

        foreach (var (userId, sentiments) in byUser)
        {
            var part = new UserPart(userId, CampaignId, PartSource.Insights, state.State.NextPartSequence++, [], [.. sentiments], users.PreviousFor(userId));
            users.Add(state.State.UserParts, part);
        }

        writer.MarkDirty();
    }

    private void EvaluateAlerts(DateTime now)
    {
        try
        {
            var rules = EffectiveRules.Resolve(alertOptions.Rules, state.State.Metadata?.AlertRules);
            foreach (var transition in insights.EvaluateAlerts(CampaignId, rules, now))
            {
                writer.MarkDirty();
                var counter = transition.State == AlertStates.Open ? InsightsMetrics.AlertsOpened : InsightsMetrics.AlertsResolved;
                counter.Add(1, new KeyValuePair<string, object?>("rule", transition.Rule));
            }
        }
        catch (Exception exception)
        {
            // Alerts are a view on the counts: a fault here must never hold up the analysis that feeds them.
            logger.LogError(exception, "Alert evaluation of campaign {CampaignId} failed", CampaignId);
        }
    }

    /// <summary>Hands transitions to the registry oldest first; a failure leaves the rest for the next turn.</summary>
    private async Task PublishAlertsAsync()
    {
        var unpublished = state.State.Alerts.Unpublished;
        try
        {
            var registry = GrainFactory.GetGrain<IAlertRegistryGrain>(AlertRegistry.KeyFor(CampaignId));
            while (unpublished.Count > 0)
            {
                await registry.RecordAsync(unpublished[0]);
                unpublished.RemoveAt(0);
                writer.MarkDirty();
            }
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Could not publish {Count} alert transitions of campaign {CampaignId}; retried on the next turn", unpublished.Count, CampaignId);
        }
    }

    /// <summary>Writes what changed and lets the scores' parts leave: after the write where streams redeliver, as the campaign grain does.</summary>
    private async Task SaveIfDirtyAsync()
    {
        if (!options.WriteStateBeforeAck)
        {
            users.Release(this.GetGrainId());
        }

        await writer.WriteIfDirtyAsync();
        users.Release(this.GetGrainId());
        await receipts.SendAsync(GrainFactory, logger);
    }

    private void ArmTimer(TimeSpan delay)
    {
        var due = Now + delay;
        if (timerDueAt is { } armed && armed <= due)
        {
            return;
        }

        timerDueAt = due;
        timer?.Change(delay, Timeout.InfiniteTimeSpan);
    }
}
