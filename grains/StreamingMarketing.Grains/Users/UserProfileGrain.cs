using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Insights.Segments;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Users;

/// <summary>A user's profile; <see cref="IUserSegmentsGrain"/> is the same activation seen from one campaign.</summary>
public sealed class UserProfileGrain : Grain, IUserProfileGrain, IUserSegmentsGrain
{
    private readonly IPersistentState<UserProfileState> state;
    private readonly AggregationOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<UserProfileGrain> logger;
    private readonly CoalescedStateWriter<UserProfileState> writer;
    private UserProfileAggregator aggregator = null!;

    /// <summary>The last interactions call's signature and answer, kept in memory for a resend of that call.</summary>
    private (ulong Signature, CampaignSegmentChange[] Changes)? lastAnswer;

    public UserProfileGrain(
        [PersistentState("user", StorageNames.GrainState)] IPersistentState<UserProfileState> state,
        IOptions<AggregationOptions> options,
        TimeProvider clock,
        UnsavedGrains unsaved,
        ILogger<UserProfileGrain> logger)
    {
        this.state = state;
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        writer = new CoalescedStateWriter<UserProfileState>(state, "user", this.options.UserStateWriteInterval, unsaved);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (state.State.Applied.Capacity == 0)
        {
            state.State.Applied.Capacity = options.UserDedupeCapacity;
        }

        aggregator = new UserProfileAggregator(state.State, options);
        writer.Attach(this);
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (writer.IsDirty)
        {
            await writer.WriteNowAsync();
        }
    }

    public async Task ApplyAsync(UserInteraction[] interactions)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var interaction in interactions)
        {
            if (!aggregator.TryRemember(interaction.EventKey))
            {
                PipelineMetrics.DuplicatesDropped.Add(1, new KeyValuePair<string, object?>("grain", "user"));
                continue;
            }

            try
            {
                aggregator.Apply(interaction, now);
            }
            catch (Exception exception)
            {
                PipelineMetrics.PoisonEvents.Add(1);
                logger.LogError(exception, "Skipping event {EventKey:x16} for user {UserId}: it failed to apply", interaction.EventKey, this.GetPrimaryKeyString());
            }
        }

        writer.MarkDirty();
        if (options.WriteStateBeforeAck)
        {
            await writer.WriteNowAsync();
        }
    }

    public Task ApplySentimentAsync(UserSentiment[] sentiments) => ApplySentimentAsync(sentiments, campaignId: null);

    public async Task<CampaignSegmentChange[]> ApplyInteractionsAsync(UserInteraction[] interactions)
    {
        // A resend of the last call, whose answer was lost on the way, gets that answer again: its events are not
        // applied twice, and the segment moves they made still reach their campaigns.
        var signature = CallSignature(interactions);
        if (lastAnswer is { } last && last.Signature == signature)
        {
            return last.Changes;
        }

        // Each campaign's snapshot before and after says how the user moved there; a call rarely spans more than a few.
        var campaigns = new List<(string CampaignId, SegmentSnapshot? Before)>(2);
        foreach (var interaction in interactions)
        {
            if (!Contains(campaigns, interaction.CampaignId))
            {
                campaigns.Add((interaction.CampaignId, aggregator.SegmentIn(interaction.CampaignId)));
            }
        }

        await ApplyAsync(interactions);
        List<CampaignSegmentChange>? changes = null;
        foreach (var (campaignId, before) in campaigns)
        {
            if (SegmentRules.Change(before, aggregator.SegmentIn(campaignId)) is { } change)
            {
                (changes ??= []).Add(new CampaignSegmentChange(campaignId, change));
            }
        }

        CampaignSegmentChange[] answer = changes is null ? [] : [.. changes];
        lastAnswer = (signature, answer);
        return answer;
    }

    /// <summary>The call's event keys folded in order: a resend of the same part has the same signature.</summary>
    private static ulong CallSignature(UserInteraction[] interactions)
    {
        var signature = (ulong)interactions.Length;
        foreach (var interaction in interactions)
        {
            signature = (signature * 0x9e3779b97f4a7c15UL) ^ interaction.EventKey;
        }

        return signature;
    }

    private static bool Contains(List<(string CampaignId, SegmentSnapshot? Before)> campaigns, string campaignId)
    {
        foreach (var (id, _) in campaigns)
        {
            if (id == campaignId)
            {
                return true;
            }
        }

        return false;
    }

    public async Task<SegmentChange?> ApplyCampaignSentimentAsync(string campaignId, UserSentiment[] sentiments)
    {
        var before = aggregator.SegmentIn(campaignId);
        await ApplySentimentAsync(sentiments, campaignId);
        return SegmentRules.Change(before, aggregator.SegmentIn(campaignId));
    }

    private async Task ApplySentimentAsync(UserSentiment[] sentiments, string? campaignId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var sentiment in sentiments)
        {
            if (aggregator.TryRememberSentiment(sentiment.EventId))
            {
                aggregator.ApplySentiment(sentiment, now, campaignId);
            }
        }

        writer.MarkDirty();
        if (options.WriteStateBeforeAck)
        {
            await writer.WriteNowAsync();
        }
    }

    public Task<UserView?> GetViewAsync() =>
        Task.FromResult(state.State.IsEmpty ? null : aggregator.ToView(this.GetPrimaryKeyString(), clock.GetUtcNow().UtcDateTime));

    public Task FlushAsync() => writer.WriteIfDirtyAsync();
}
