namespace StreamingMarketing.Contracts.Events;

/// <summary>
/// The per-user part of an applied event that a campaign grain forwards to the user's profile grain. A value type
/// that carries the event id's 64-bit key instead of the id itself: a forward in flight then holds ~50 bytes per
/// event and nothing of the event it came from, which keeps what survives a garbage collection small.
/// </summary>
/// <param name="EventKey">The event id's stable 64-bit hash, which user grains remember to drop a resend.</param>
/// <param name="CampaignId">One string per campaign, shared by the campaign's interactions.</param>
[GenerateSerializer, Immutable]
public readonly record struct UserInteraction(
    [property: Id(0)] ulong EventKey,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] EventType Type,
    [property: Id(3)] Platform Platform,
    [property: Id(4)] DateTime Timestamp,
    [property: Id(5)] string[] Hashtags,
    [property: Id(6)] double Value);

/// <summary>The sentiment of a user's text, forwarded once the scorer answered (after the interaction itself).</summary>
[GenerateSerializer, Immutable]
public sealed record UserSentiment(
    [property: Id(0)] string EventId, [property: Id(1)] DateTime Timestamp, [property: Id(2)] SentimentScore Sentiment);
