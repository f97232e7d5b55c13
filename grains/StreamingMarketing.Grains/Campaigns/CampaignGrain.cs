using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using Orleans.Streams.Core;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.DeadLetters;
using StreamingMarketing.Grains.Scoring;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Grains.Telemetry;

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
    private readonly IDeadLetterSink? deadLetters;
    private bool scoring;

    public CampaignGrain(
        [PersistentState("campaign", StorageNames.GrainState)] IPersistentState<CampaignState> state,
        IOptions<AggregationOptions> options,
        TimeProvider clock,
        UnsavedGrains unsaved,
        ILogger<CampaignGrain> logger,
        IDeadLetterSink? deadLetters = null)
    {
        this.deadLetters = deadLetters;
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
        writer.Attach(this);
        StartScoringPendingTexts();
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (writer.IsDirty)
        {
            await writer.WriteNowAsync();
        }
    }

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<InteractionBatch>().ResumeAsync(this);

    public async Task OnNextAsync(InteractionBatch batch, StreamSequenceToken? token = null)
    {
        try
        {
            await ApplyBatchAsync(batch);
        }
        finally
        {
            InProcessDelivery.Delivered(batch.Events.Length);
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

        await ForwardToUsersAsync(fresh);
        var poison = Apply(fresh);
        await DeadLetterAsync(poison);
        await RegisterOnceAsync();

        if (options.WriteStateBeforeAck)
        {
            await writer.WriteNowAsync();
        }

        StartScoringPendingTexts();
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        logger.LogWarning(ex, "Stream error on campaign {CampaignId}", CampaignId);
        return Task.CompletedTask;
    }

    public Task<CampaignView?> GetViewAsync() =>
        Task.FromResult(state.State.IsEmpty ? null : aggregator.ToView(CampaignId, clock.GetUtcNow().UtcDateTime));

    public Task<CampaignSummary?> GetSummaryAsync() =>
        Task.FromResult(state.State.IsEmpty ? null : aggregator.ToSummary(CampaignId));

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
                await ForwardSentimentToUsersAsync(chunk, scores);
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

    private async Task ForwardSentimentToUsersAsync(PendingText[] texts, SentimentScore[] scores)
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
            await Task.WhenAll(byUser.Select(pair => GrainFactory.GetGrain<IUserProfileGrain>(pair.Key).ApplySentimentAsync([.. pair.Value])));
        }
        catch (Exception exception)
        {
            // The campaign's own counts stand; a user's sentiment mix is the lesser loss, logged rather than retried forever.
            logger.LogWarning(exception, "Could not forward sentiment of {Count} texts of campaign {CampaignId} to user profiles", texts.Length, CampaignId);
        }
    }

    private async Task ForwardToUsersAsync(List<InteractionEvent> events)
    {
        var byUser = new Dictionary<string, List<UserInteraction>>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!byUser.TryGetValue(e.UserId, out var list))
            {
                byUser[e.UserId] = list = [];
            }

            list.Add(new UserInteraction
            {
                EventId = e.EventId,
                CampaignId = e.CampaignId,
                Type = e.Type,
                Platform = e.Platform,
                Timestamp = e.Timestamp,
                Hashtags = e.Hashtags,
                Value = e.Value,
            });
        }

        // A failure propagates: the stream item is then not acknowledged and the whole batch comes again, which
        // is safe because both this grain and the user grains drop ids they already applied.
        await Task.WhenAll(byUser.Select(pair => GrainFactory.GetGrain<IUserProfileGrain>(pair.Key).ApplyAsync([.. pair.Value])));
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
