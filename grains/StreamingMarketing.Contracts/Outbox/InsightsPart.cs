using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Contracts.Outbox;

/// <summary>
/// The events of one stream item that a campaign counted, numbered by the campaign, for its insights grain;
/// <paramref name="After"/> as in <see cref="UserPart"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record InsightsPart(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] long Sequence,
    [property: Id(2)] InteractionEvent[] Events,
    [property: Id(3)] long After) : ISequencedPart
{
    public string Destination => CampaignId;

    public int Size => Events.Length;
}
