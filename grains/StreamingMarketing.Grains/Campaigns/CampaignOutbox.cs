using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Grains.Outbox;

namespace StreamingMarketing.Grains.Campaigns;

/// <summary>
/// What a campaign owes its users and its insights grain for the events it counted. Counted events wait here and are
/// cut into numbered parts when the campaign writes: each user and the insights grain get one part per write instead
/// of one per stream item, so a part carries a second of a busy user's events rather than one (docs/design.md, "What parts cost").
/// The same events go to the silo's archive writer, one way, when they are numbered.
/// </summary>
public sealed class CampaignOutbox(UserPartCourier userCourier, InsightsPartCourier insightsCourier, bool durable, ArchiveWriter? archive = null)
{
    private readonly OutboxLane<UserPart> users = new(userCourier, durable);
    private readonly OutboxLane<InsightsPart> insights = new(insightsCourier, durable);
    private readonly List<InteractionEvent> unnumbered = [];

    public void Owe(List<InteractionEvent> counted) => unnumbered.AddRange(counted);

    /// <summary>
    /// Numbers what is owed into <paramref name="state"/>'s outbox (kept there only when the lanes are durable) and
    /// archives it. Durable lanes wait until the archive holds the events: the state write that follows makes a
    /// redelivery look like a duplicate, so archiving after it could lose an event to a crash in between, while
    /// archiving before it can only archive one twice, which the archive's readers drop by event id.
    /// </summary>
    public async Task NumberAsync(string campaignId, CampaignState state)
    {
        if (unnumbered.Count == 0)
        {
            return;
        }

        if (archive is not null)
        {
            var archived = await archive.AppendAsync(unnumbered);
            if (durable)
            {
                await archived;
            }
        }

        var next = state.NextPartSequence;
        foreach (var part in CampaignParts.ForUsers(campaignId, unnumbered, users.PreviousFor, ref next))
        {
            users.Add(state.UserParts, part);
        }

        insights.Add(state.InsightsParts, new InsightsPart(campaignId, next++, [.. unnumbered], insights.PreviousFor(campaignId)));
        state.NextPartSequence = next;
        unnumbered.Clear();
    }

    public void Release(GrainId source)
    {
        users.Release(source);
        insights.Release(source);
    }

    /// <summary>On activation: what a predecessor saved and never heard confirmed goes again (receivers ignore repeats).</summary>
    public void ReleaseSaved(GrainId source, CampaignState state)
    {
        users.ReleaseSaved(source, state.UserParts);
        insights.ReleaseSaved(source, state.InsightsParts);
    }

    /// <summary>Sends again what receivers have not confirmed durable within <paramref name="after"/> (persistent profiles).</summary>
    public void ResendOverdue(GrainId source, CampaignState state, TimeSpan after)
    {
        users.ResendOverdue(source, state.UserParts, after);
        insights.ResendOverdue(source, state.InsightsParts, after);
    }

    public void Confirm(CampaignState state, long[] sequences)
    {
        var confirmed = new HashSet<long>(sequences);
        users.Confirm(state.UserParts, confirmed);
        insights.Confirm(state.InsightsParts, confirmed);
    }

    public Task WaitForRoomAsync() => Task.WhenAll(users.WaitForRoomAsync(), insights.WaitForRoomAsync());
}
