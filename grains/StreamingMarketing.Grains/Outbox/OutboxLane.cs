using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Outbox;

/// <summary>
/// One kind of part a grain owes (user parts, insights parts): numbers wait here until the grain releases them to the
/// silo's courier, and stay known until their receiver confirms them. A durable lane also keeps each part in the
/// grain's saved <see cref="PendingParts{TPart}"/>, so the write that counts their cause holds them, and a new
/// activation sends them again. The lane knows each receiver's newest unconfirmed part, which the next part for
/// that receiver names as the one it must follow. A durable lane's receivers confirm a part only once their own state
/// holds it (<see cref="DeliveryReceipts"/>), so the lane sends again what stays unconfirmed for too long: a receiver
/// that lost an unsaved part with its silo gets it back, and one that refused a part out of order gets it in order.
/// </summary>
public sealed class OutboxLane<TPart>(PartCourier<TPart> courier, bool durable) where TPart : ISequencedPart
{
    private readonly List<TPart> unsent = [];
    private readonly Dictionary<long, string> unconfirmed = [];
    private readonly Dictionary<string, long> newestPending = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> sentAt = [];

    /// <summary>The number a new part for <paramref name="destination"/> must follow (0: none pending).</summary>
    public long PreviousFor(string destination) => newestPending.GetValueOrDefault(destination);

    public void Add(PendingParts<TPart> saved, TPart part)
    {
        if (durable)
        {
            saved.Add(part);
        }

        unsent.Add(part);
        unconfirmed[part.Sequence] = part.Destination;
        newestPending[part.Destination] = part.Sequence;
    }

    /// <summary>Forgets the confirmed parts; true when the saved outbox changed (it needs a write).</summary>
    public bool Confirm(PendingParts<TPart> saved, HashSet<long> sequences)
    {
        foreach (var sequence in sequences)
        {
            if (unconfirmed.Remove(sequence, out var destination) && newestPending.GetValueOrDefault(destination) == sequence)
            {
                newestPending.Remove(destination);
            }

            sentAt.Remove(sequence);
        }

        return saved.Count > 0 && saved.Parts.RemoveAll(part => sequences.Contains(part.Sequence)) > 0;
    }

    /// <summary>Hands the parts numbered since the last release to the courier.</summary>
    public void Release(GrainId source)
    {
        MarkSent(unsent);
        courier.Send(source, unsent);
        unsent.Clear();
    }

    /// <summary>Call on activation: what a predecessor saved and never heard confirmed goes again.</summary>
    public void ReleaseSaved(GrainId source, PendingParts<TPart> saved)
    {
        foreach (var part in saved.Parts)
        {
            unconfirmed[part.Sequence] = part.Destination;
            newestPending[part.Destination] = part.Sequence;
        }

        MarkSent(saved.Parts);
        courier.Send(source, saved.Parts);
    }

    /// <summary>Sends again, in order, the saved parts sent at least <paramref name="after"/> ago and still unconfirmed.</summary>
    public void ResendOverdue(GrainId source, PendingParts<TPart> saved, TimeSpan after)
    {
        var cutoff = Environment.TickCount64 - (long)after.TotalMilliseconds;
        var overdue = saved.Parts.Where(part => sentAt.GetValueOrDefault(part.Sequence, long.MaxValue) <= cutoff).ToList();
        if (overdue.Count > 0)
        {
            PipelineMetrics.OutboxResent.Add(overdue.Count);
            MarkSent(overdue);
            courier.Send(source, overdue);
        }
    }

    private void MarkSent(List<TPart> parts)
    {
        if (!durable)
        {
            return;
        }

        var now = Environment.TickCount64;
        foreach (var part in parts)
        {
            sentAt[part.Sequence] = now;
        }
    }

    public Task WaitForRoomAsync() => courier.WaitForRoomAsync();
}
