using StreamingMarketing.Contracts.Outbox;

namespace StreamingMarketing.Grains.Outbox;

/// <summary>
/// One kind of part a grain owes (user parts, insights parts). Numbered parts go into the grain's saved
/// <see cref="PendingParts{TPart}"/> and wait here until the write that holds them succeeded; then they are released
/// to the silo's courier. On activation everything saved and unconfirmed is released again. The lane also knows each
/// receiver's newest unconfirmed part, which the next part for that receiver names as the one it must follow.
/// </summary>
public sealed class OutboxLane<TPart>(PartCourier<TPart> courier) where TPart : ISequencedPart
{
    private readonly List<TPart> unsent = [];
    private readonly Dictionary<string, long> newestPending = new(StringComparer.Ordinal);

    /// <summary>The number a new part for <paramref name="destination"/> must follow (0: none pending).</summary>
    public long PreviousFor(string destination) => newestPending.GetValueOrDefault(destination);

    public void Add(PendingParts<TPart> saved, TPart part)
    {
        saved.Add(part);
        unsent.Add(part);
        newestPending[part.Destination] = part.Sequence;
    }

    /// <summary>Drops the confirmed parts from the saved outbox; true when any was held.</summary>
    public bool Confirm(PendingParts<TPart> saved, HashSet<long> sequences)
    {
        var confirmed = saved.Parts.RemoveAll(part =>
        {
            if (!sequences.Contains(part.Sequence))
            {
                return false;
            }

            if (newestPending.TryGetValue(part.Destination, out var newest) && newest == part.Sequence)
            {
                newestPending.Remove(part.Destination);
            }

            return true;
        });
        return confirmed > 0;
    }

    /// <summary>Call once the state holding the parts was written.</summary>
    public void ReleaseWritten(GrainId source)
    {
        courier.Send(source, unsent);
        unsent.Clear();
    }

    /// <summary>Call on activation: what a predecessor saved and never heard confirmed goes again.</summary>
    public void ReleaseSaved(GrainId source, PendingParts<TPart> saved)
    {
        foreach (var part in saved.Parts)
        {
            newestPending[part.Destination] = part.Sequence;
        }

        courier.Send(source, saved.Parts);
    }

    public Task WaitForRoomAsync() => courier.WaitForRoomAsync();
}
