using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Grains.Insights;

/// <summary>
/// A text already counted whose sentiment is not known yet. Kept in the insights grain's state, so a text whose score
/// was lost with an activation is scored again by the next one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PendingText(
    [property: Id(0)] string EventId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTime Timestamp,
    [property: Id(4)] Platform Platform,
    [property: Id(5)] DateTime QueuedAt);
