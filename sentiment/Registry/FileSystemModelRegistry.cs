namespace StreamingMarketing.Sentiment;

/// <summary>
/// Registry in a directory (by default &lt;dataDir&gt;/models): one sub-directory per version and current.json.
/// A package is staged in a dot-directory and renamed into place; current.json is written aside and renamed
/// over the old one. Both renames are atomic on one file system, so readers never see half a package or pointer.
/// </summary>
public sealed class FileSystemModelRegistry : IModelRegistry
{
    private readonly string root;

    public FileSystemModelRegistry(string root)
    {
        this.root = Path.GetFullPath(root);
        Directory.CreateDirectory(this.root);
    }

    public Task<IReadOnlyList<ModelManifest>> ListAsync(CancellationToken cancellationToken = default)
    {
        var manifests = new List<ModelManifest>();
        foreach (var directory in Directory.EnumerateDirectories(root))
        {
            if (Path.GetFileName(directory).StartsWith('.') || !File.Exists(Path.Combine(directory, ModelManifest.FileName)))
            {
                continue;
            }

            try
            {
                manifests.Add(ModelManifest.Read(directory));
            }
            catch (ModelPackageException)
            {
                // An unreadable package is not listed; loading it by name reports why.
            }
        }

        return Task.FromResult<IReadOnlyList<ModelManifest>>(manifests.OrderBy(m => m.CreatedAt).ToList());
    }

    public async Task<string?> GetPromotedVersionAsync(CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(root, PromotedPointer.FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        return PromotedPointer.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false)).Version;
    }

    public Task<ModelManifest> PublishAsync(string packageDirectory, CancellationToken cancellationToken = default)
    {
        var manifest = ModelPackage.Verify(packageDirectory);
        ModelVersion.EnsureValid(manifest.Version);
        var target = Path.Combine(root, manifest.Version);
        if (Directory.Exists(target))
        {
            throw new InvalidOperationException($"Model version {manifest.Version} is already published; packages are immutable.");
        }

        var staging = Path.Combine(root, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var file in manifest.Files)
            {
                File.Copy(Path.Combine(packageDirectory, file), Path.Combine(staging, file));
            }

            ModelPackage.Verify(staging);
            Directory.Move(staging, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            throw new InvalidOperationException($"Model version {manifest.Version} was published concurrently; packages are immutable.");
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return Task.FromResult(manifest);
    }

    public async Task PromoteAsync(string version, CancellationToken cancellationToken = default)
    {
        ModelVersion.EnsureValid(version);
        if (!File.Exists(Path.Combine(root, version, ModelManifest.FileName)))
        {
            throw new InvalidOperationException($"Model version {version} is not published in {root}.");
        }

        var pointer = Path.Combine(root, PromotedPointer.FileName);
        var staging = Path.Combine(root, $".{PromotedPointer.FileName}.{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(staging, new PromotedPointer(version, DateTimeOffset.UtcNow).ToJson(), cancellationToken).ConfigureAwait(false);
        File.Move(staging, pointer, overwrite: true);
    }

    public Task<string> GetLocalPackageAsync(string version, CancellationToken cancellationToken = default)
    {
        ModelVersion.EnsureValid(version);
        var directory = Path.Combine(root, version);
        return Directory.Exists(directory)
            ? Task.FromResult(directory)
            : throw new ModelPackageException($"Model version {version} is promoted but not present in {root}.");
    }
}
