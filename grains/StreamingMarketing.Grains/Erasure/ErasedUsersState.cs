namespace StreamingMarketing.Grains.Erasure;

/// <summary>
/// Grows by one 64-character fingerprint per erased id and never shrinks: an erased id stays suppressed. Open requests
/// leave the list when they complete.
/// </summary>
[GenerateSerializer]
public sealed class ErasedUsersState
{
    [Id(0)] public long Version { get; set; }
    [Id(1)] public HashSet<string> Fingerprints { get; set; } = new(StringComparer.Ordinal);
    [Id(2)] public HashSet<string> OpenRequests { get; set; } = new(StringComparer.Ordinal);
}
