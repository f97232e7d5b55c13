namespace StreamingMarketing.Contracts.Events;

/// <summary>A validated interaction, as it travels on the stream and into the grains.</summary>
[GenerateSerializer, Immutable]
public sealed record InteractionEvent
{
    [Id(0)] public required string EventId { get; init; }
    [Id(1)] public required Platform Platform { get; init; }
    [Id(2)] public required EventType Type { get; init; }
    [Id(3)] public required string UserId { get; init; }
    [Id(4)] public required string CampaignId { get; init; }
    [Id(5)] public string? PostId { get; init; }
    [Id(6)] public required DateTime Timestamp { get; init; }
    [Id(7)] public string? Text { get; init; }
    [Id(8)] public string[] Hashtags { get; init; } = [];
    [Id(9)] public double Value { get; init; }

    /// <summary>When the gateway accepted it; event lag is measured from <see cref="Timestamp"/>, not from here.</summary>
    [Id(10)] public DateTime ReceivedAt { get; init; }

    /// <summary>The A/B test arm (creative) the event belongs to, or null outside any test.</summary>
    [Id(11)] public string? Variant { get; init; }
}
