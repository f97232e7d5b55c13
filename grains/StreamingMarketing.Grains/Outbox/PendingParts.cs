using StreamingMarketing.Contracts.Outbox;

namespace StreamingMarketing.Grains.Outbox;

/// <summary>
/// The parts a grain numbered, kept in its state until their receivers confirm them. Where streams redeliver they are
/// saved in the same write as the change that produced them, so a part exists exactly when its cause does (see
/// <see cref="OutboxLane{TPart}"/> for the embedded profile).
/// </summary>
[GenerateSerializer]
public sealed class PendingParts<TPart> where TPart : ISequencedPart
{
    [Id(0)] public List<TPart> Parts { get; set; } = [];

    public int Count => Parts.Count;

    public void Add(TPart part) => Parts.Add(part);
}
