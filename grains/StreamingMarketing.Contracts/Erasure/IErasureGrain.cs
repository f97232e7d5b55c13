namespace StreamingMarketing.Contracts.Erasure;

/// <summary>
/// One erasure request (key = its request id): erases the stored user ids in passes (user grains, then the campaigns
/// they touched, alert shards, feedback, dead letters), a settle time apart, and reports when every pass is done.
/// </summary>
public interface IErasureGrain : IGrainWithStringKey
{
    /// <summary>Starts the erasure of <paramref name="storedUserIds"/>; a second call for the same request changes nothing.</summary>
    Task<ErasureStatus> StartAsync(string[] storedUserIds, string? personId);

    /// <summary>Activates a request left open by a restart, so that its passes go on.</summary>
    Task ResumeAsync();

    /// <summary>Null for a request id never started.</summary>
    [AlwaysInterleave]
    Task<ErasureStatus?> GetStatusAsync();
}
