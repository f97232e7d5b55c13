namespace StreamingMarketing.Contracts.Events;

/// <summary>The per-user part of an applied event that a campaign grain forwards to the user's profile grain.</summary>
[GenerateSerializer, Immutable]
public sealed record UserInteraction
{
    [Id(0)] public required string EventId { get; init; }
    [Id(1)] public required string CampaignId { get; init; }
    [Id(2)] public required EventType Type { get; init; }
    [Id(3)] public required Platform Platform { get; init; }
    [Id(4)] public required DateTime Timestamp { get; init; }
    [Id(5)] public string[] Hashtags { get; init; } = [];
    [Id(6)] public double Value { get; init; }
}

/// <summary>The sentiment of a user's text, forwarded once the scorer answered (after the interaction itself).</summary>
[GenerateSerializer, Immutable]
public sealed record UserSentiment(
    [property: Id(0)] string EventId, [property: Id(1)] DateTime Timestamp, [property: Id(2)] SentimentScore Sentiment);
