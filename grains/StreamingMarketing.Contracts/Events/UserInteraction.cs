namespace StreamingMarketing.Contracts.Events;

/// <summary>
/// The per-user part of one counted event. A value type holding the campaign's shared id string and nothing of the
/// event it came from, so a part in flight costs ~40 bytes per event and keeps no event alive.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct UserInteraction(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] EventType Type,
    [property: Id(2)] Platform Platform,
    [property: Id(3)] DateTime Timestamp,
    [property: Id(4)] string[] Hashtags,
    [property: Id(5)] double Value);

/// <summary>The sentiment of one of a user's texts in a campaign, sent once the scorer answered.</summary>
[GenerateSerializer, Immutable]
public readonly record struct UserSentiment(
    [property: Id(0)] string CampaignId, [property: Id(1)] DateTime Timestamp, [property: Id(2)] SentimentScore Sentiment);
