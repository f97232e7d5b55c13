using System.Collections.Frozen;

namespace StreamingMarketing.Contracts.Erasure;

/// <summary>
/// This process's copy of the erased users' fingerprints, read on every event: replaced whole, never mutated, so a
/// reader needs no lock. The gateway drops an event of a listed id; user grains drop parts of one still in flight.
/// </summary>
public sealed class SuppressionList
{
    private volatile FrozenSet<string> fingerprints = FrozenSet<string>.Empty;

    /// <summary>The version of the <see cref="IErasedUsersGrain"/> list this copy was last loaded from.</summary>
    public long Version { get; private set; } = -1;

    public int Count => fingerprints.Count;

    public bool Contains(string storedUserId) => fingerprints.Count > 0 && fingerprints.Contains(ErasureFingerprint.Of(storedUserId));

    public void Replace(ErasedUsersSnapshot snapshot)
    {
        fingerprints = snapshot.Fingerprints.ToFrozenSet(StringComparer.Ordinal);
        Version = snapshot.Version;
    }

    /// <summary>Takes a new erasure at once where it was requested, ahead of the next refresh.</summary>
    public void Add(IEnumerable<string> newFingerprints)
    {
        var next = new HashSet<string>(fingerprints, StringComparer.Ordinal);
        next.UnionWith(newFingerprints);
        fingerprints = next.ToFrozenSet(StringComparer.Ordinal);
    }
}
