namespace StreamingMarketing.Sentiment;

/// <summary>
/// Versioned model packages plus one promoted ("current") pointer. Packages are immutable once published;
/// publishing and promoting are each atomic, so a reader sees a whole package or none.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Manifests of all published packages, oldest first.</summary>
    Task<IReadOnlyList<ModelManifest>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The promoted version, or null while none is.</summary>
    Task<string?> GetPromotedVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Verifies and publishes the package in <paramref name="packageDirectory"/>; refuses a version that exists.</summary>
    Task<ModelManifest> PublishAsync(string packageDirectory, CancellationToken cancellationToken = default);

    /// <summary>Points "current" at a published version.</summary>
    Task PromoteAsync(string version, CancellationToken cancellationToken = default);

    /// <summary>A local directory holding the version's files (downloaded first where the registry is remote).</summary>
    Task<string> GetLocalPackageAsync(string version, CancellationToken cancellationToken = default);
}
