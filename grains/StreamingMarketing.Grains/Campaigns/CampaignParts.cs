using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Outbox;

namespace StreamingMarketing.Grains.Campaigns;

/// <summary>Cuts a campaign's counted events into numbered outbox parts: one per user, one for the insights grain.</summary>
public static class CampaignParts
{
    public static List<UserPart> ForUsers(string campaignId, IReadOnlyList<InteractionEvent> events, Func<string, long> previousFor, ref long nextSequence)
    {
        // Events of one user stay in arrival order inside the user's part; users get numbers in first-seen order.
        var byUser = new Dictionary<string, List<UserInteraction>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var e in events)
        {
            if (!byUser.TryGetValue(e.UserId, out var interactions))
            {
                byUser[e.UserId] = interactions = new List<UserInteraction>(1);
                order.Add(e.UserId);
            }

            // The campaign's own id string, not the event's copy: the part keeps nothing of the event alive.
            interactions.Add(new UserInteraction(campaignId, e.Type, e.Platform, e.Timestamp, e.Hashtags, e.Value));
        }

        var parts = new List<UserPart>(order.Count);
        foreach (var userId in order)
        {
            parts.Add(new UserPart(userId, campaignId, PartSource.Campaign, nextSequence++, [.. byUser[userId]], [], previousFor(userId)));
        }

        return parts;
    }
}
