namespace StreamingMarketing.Contracts.Erasure;

/// <summary>
/// The suppression list (key 0): the fingerprints of every erased user id, and the erasures still running, which it
/// resumes when it activates, so that a restart in the middle of an erasure still completes it.
/// </summary>
public interface IErasedUsersGrain : IGrainWithIntegerKey
{
    /// <summary>Lists the fingerprints and the open request, durably, before the erasure starts; idempotent.</summary>
    Task AddAsync(string requestId, string[] fingerprints);

    /// <summary>The request no longer needs resuming.</summary>
    Task CompleteAsync(string requestId);

    /// <summary>The list, or null when <paramref name="knownVersion"/> is already the current one.</summary>
    [AlwaysInterleave]
    Task<ErasedUsersSnapshot?> GetIfNewerAsync(long knownVersion);
}
