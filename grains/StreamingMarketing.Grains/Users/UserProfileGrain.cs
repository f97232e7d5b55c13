using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Grains.Insights.Segments;
using StreamingMarketing.Grains.Outbox;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Users;

/// <summary>
/// A user's profile. Applies the numbered parts its campaigns (interactions) and their insights grains (sentiment)
/// send, each source's parts in sequence order, and remembers the last number per source: a resend of any size is
/// recognised without an id memory. Segment moves leave one way, through the silo's <see cref="SegmentChangeRelay"/>.
/// </summary>
/// <remarks>
/// Collected after five idle minutes instead of Orleans' fifteen: a silo holds profiles by the hundred thousand, most
/// users come back in sessions minutes apart or not for days, and a returning user costs one storage read. Deactivation
/// writes what the coalesced writer still holds, so nothing applied is lost with the activation.
/// </remarks>
[CollectionAgeLimit(Minutes = 5)]
public sealed class UserProfileGrain : Grain, IUserProfileGrain
{
    private static readonly KeyValuePair<string, object?> ReceiverTag = new("receiver", "users");

    private readonly StoredState<UserProfileState> state;
    private readonly AggregationOptions options;
    private readonly TimeProvider clock;
    private readonly ILogger<UserProfileGrain> logger;
    private readonly CoalescedStateWriter<UserProfileState> writer;
    private readonly SegmentChangeRelay segments;
    private readonly DeliveryReceipts receipts;
    private readonly SuppressionList suppressed;
    private readonly bool suppressErased;

    /// <summary>
    /// Campaigns of parts dropped because the user is erased: parts in flight when the request came name campaigns the
    /// profile never saw, and the erasure's next pass asks here where to look.
    /// </summary>
    private HashSet<string>? campaignsOfDroppedParts;

    public UserProfileGrain(
        [FromKeyedServices(StorageNames.GrainState)] IGrainStorage storage,
        IOptions<AggregationOptions> options,
        TimeProvider clock,
        UnsavedGrains unsaved,
        SegmentChangeRelay segments,
        SuppressionList suppressed,
        IOptions<ErasureOptions> erasure,
        ILogger<UserProfileGrain> logger)
    {
        this.suppressed = suppressed;
        suppressErased = erasure.Value.SuppressErasedUsers;
        state = new StoredState<UserProfileState>(storage, "user", this);
        this.options = options.Value;
        this.clock = clock;
        this.logger = logger;
        this.segments = segments;
        writer = new CoalescedStateWriter<UserProfileState>(state, "user", this.options.UserStateWriteInterval, unsaved);
        receipts = new DeliveryReceipts(this.options.WriteStateBeforeAck);
    }

    /// <summary>A view over the state, made per use: a field would cost every resident profile its two references.</summary>
    private UserProfileAggregator Aggregator => new(state.State, options);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await state.ReadStateAsync();
        Aggregator.Campaigns.InternIds();
        state.State.Interests?.InternTags();
        writer.Attach(this);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => WriteAndConfirmAsync();

    public async Task ApplyPartsAsync(UserPart[] parts)
    {
        if (suppressErased && suppressed.Contains(this.GetPrimaryKeyString()))
        {
            // Parts of an erased user still in flight: confirmed so that nobody resends them, and never applied, so the
            // profile does not come back (the campaign counted the events already: its aggregates stay exact).
            foreach (var part in parts)
            {
                receipts.Add(part.Source, part.CampaignId, part.Sequence);
                (campaignsOfDroppedParts ??= new HashSet<string>(StringComparer.Ordinal)).Add(part.CampaignId);
            }

            PipelineMetrics.ErasedPartsDropped.Add(parts.Length);
            await receipts.SendAsync(GrainFactory, logger);
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var part in parts)
        {
            var last = Aggregator.Campaigns.LastPart(part.Source, part.CampaignId);
            if (part.Sequence <= last)
            {
                PipelineMetrics.OutboxResendsIgnored.Add(1, ReceiverTag);
                receipts.Add(part.Source, part.CampaignId, part.Sequence);
                continue;
            }

            if (part.After > last)
            {
                // Parts applied before this one in the call stay applied; the resend finds them done.
                throw new PartOutOfOrderException($"user {this.GetPrimaryKeyString()} got part {part.Sequence} of {part.CampaignId} before part {part.After}");
            }

            var before = Aggregator.Campaigns.SegmentIn(part.CampaignId);
            Apply(part, now);
            Aggregator.Campaigns.SetLastPart(part.Source, part.CampaignId, part.Sequence);
            receipts.Add(part.Source, part.CampaignId, part.Sequence);
            writer.MarkDirty();
            if (SegmentRules.Change(before, Aggregator.Campaigns.SegmentIn(part.CampaignId)) is { } change)
            {
                segments.Add(part.CampaignId, change);
            }
        }

        // Parts are confirmed once written, by the coalesced write; with nothing unwritten, resends are confirmed now.
        if (!writer.IsDirty)
        {
            await receipts.SendAsync(GrainFactory, logger);
        }
    }

    public Task<UserView?> GetViewAsync() =>
        Task.FromResult(state.State.IsEmpty ? null : Aggregator.ToView(this.GetPrimaryKeyString(), clock.GetUtcNow().UtcDateTime));

    public Task FlushAsync() => WriteAndConfirmAsync();

    public async Task<string[]> EraseAsync()
    {
        var campaigns = Aggregator.Campaigns.Ids()
            .Concat(campaignsOfDroppedParts ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        writer.Discard();
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }
        else
        {
            // Never written yet (writes are coalesced): only the memory holds the profile.
            state.State = new UserProfileState();
        }

        // What was applied is gone with the profile: confirm it, so that no source resends it into a new profile.
        await receipts.SendAsync(GrainFactory, logger);
        return campaigns;
    }

    private async Task WriteAndConfirmAsync()
    {
        await writer.WriteIfDirtyAsync();
        await receipts.SendAsync(GrainFactory, logger);
    }

    private void Apply(UserPart part, DateTime now)
    {
        foreach (var interaction in part.Interactions)
        {
            try
            {
                Aggregator.Apply(interaction, now);
            }
            catch (Exception exception)
            {
                // One bad interaction must not hold back the part's others, nor stop the sequence from moving on.
                PipelineMetrics.PoisonEvents.Add(1);
                logger.LogError(exception, "Skipping an interaction of campaign {CampaignId} for user {UserId}: it failed to apply", part.CampaignId, this.GetPrimaryKeyString());
            }
        }

        foreach (var sentiment in part.Sentiments)
        {
            Aggregator.ApplySentiment(sentiment, now);
        }
    }
}
