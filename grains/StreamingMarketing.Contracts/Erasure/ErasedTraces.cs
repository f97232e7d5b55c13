namespace StreamingMarketing.Contracts.Erasure;

/// <summary>
/// What one grain removed for an erasure: how many items, and the SHA-256 fingerprints of the user's texts it held, so
/// that feedback entries quoting those texts can be found without the texts travelling or being kept.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ErasedTraces(
    [property: Id(0)] long Removed,
    [property: Id(1)] string[] TextFingerprints)
{
    public static readonly ErasedTraces None = new(0, []);
}
