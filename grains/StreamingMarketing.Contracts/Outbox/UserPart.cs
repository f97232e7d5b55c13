using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Contracts.Outbox;

/// <summary>
/// What one user is owed by one campaign from one stream item (or one scoring chunk), numbered by its source. A user
/// grain applies a source's parts in sequence order and remembers the last number it applied, so a resend of any
/// size is recognised without remembering event ids.
/// </summary>
/// <param name="After">The number of the source's previous part for the same user still unconfirmed when this one was
/// made (0: none). The receiver applies this part only once it has applied that one, whichever way parts travel.</param>
[GenerateSerializer, Immutable]
public sealed record UserPart(
    [property: Id(0)] string UserId,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] PartSource Source,
    [property: Id(3)] long Sequence,
    [property: Id(4)] UserInteraction[] Interactions,
    [property: Id(5)] UserSentiment[] Sentiments,
    [property: Id(6)] long After) : ISequencedPart
{
    public string Destination => UserId;

    public int Size => Interactions.Length + Sentiments.Length;
}
