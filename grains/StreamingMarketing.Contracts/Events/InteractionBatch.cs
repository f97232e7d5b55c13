namespace StreamingMarketing.Contracts.Events;

/// <summary>
/// The stream item: every accepted event of one ingest request for one campaign. Publishing one item per
/// campaign and request instead of one per event keeps the memory-stream queues (16,384 items each) far from full
/// and lets the campaign grain apply a request's events in one turn.
/// </summary>
/// <param name="Publisher">The process that published it, so only that process counts its delivery (empty: nobody counts).</param>
[GenerateSerializer, Immutable]
public sealed record InteractionBatch([property: Id(0)] InteractionEvent[] Events, [property: Id(1)] Guid Publisher = default);
