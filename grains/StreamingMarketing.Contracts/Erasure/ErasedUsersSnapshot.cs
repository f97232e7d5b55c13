namespace StreamingMarketing.Contracts.Erasure;

/// <summary>The whole suppression list at one version (it only grows, so a newer version holds every older one).</summary>
[GenerateSerializer, Immutable]
public sealed record ErasedUsersSnapshot(
    [property: Id(0)] long Version,
    [property: Id(1)] string[] Fingerprints);
