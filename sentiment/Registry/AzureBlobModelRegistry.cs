using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// Registry in an Azure Blob Storage container: blobs "&lt;version&gt;/&lt;file&gt;" and "current.json". The
/// manifest is uploaded last and only if absent (If-None-Match: *), so it is the commit marker: a package is
/// listed only once complete, and no two publishers can both write one version. Silos download a version
/// into a local cache directory before loading it.
/// </summary>
public sealed class AzureBlobModelRegistry : IModelRegistry
{
    private readonly BlobContainerClient _container;
    private readonly string _cacheRoot;
    private readonly Lazy<Task> _created;

    public AzureBlobModelRegistry(BlobContainerClient container, string cacheDirectory)
    {
        _container = container;
        _cacheRoot = Path.GetFullPath(cacheDirectory);
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync());
    }

    public async Task<IReadOnlyList<ModelManifest>> ListAsync(CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var manifests = new List<ModelManifest>();
        await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!blob.Name.EndsWith("/" + ModelManifest.FileName, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                manifests.Add(ModelManifest.Parse(await DownloadTextAsync(blob.Name, cancellationToken).ConfigureAwait(false), blob.Name));
            }
            catch (ModelPackageException)
            {
                // An unreadable package is not listed; loading it by name reports why.
            }
        }

        return manifests.OrderBy(m => m.CreatedAt).ToList();
    }

    public async Task<string?> GetPromotedVersionAsync(CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        try
        {
            return PromotedPointer.Parse(await DownloadTextAsync(PromotedPointer.FileName, cancellationToken).ConfigureAwait(false)).Version;
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
    }

    public async Task<ModelManifest> PublishAsync(string packageDirectory, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var manifest = ModelPackage.Verify(packageDirectory);
        ModelVersion.EnsureValid(manifest.Version);
        var manifestBlob = _container.GetBlobClient($"{manifest.Version}/{ModelManifest.FileName}");
        if (await manifestBlob.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Model version {manifest.Version} is already published; packages are immutable.");
        }

        foreach (var file in manifest.Files.Where(f => f != ModelManifest.FileName))
        {
            // Overwriting is safe: without a manifest these blobs belong to no published package yet.
            await _container.GetBlobClient($"{manifest.Version}/{file}")
                .UploadAsync(Path.Combine(packageDirectory, file), overwrite: true, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await manifestBlob.UploadAsync(
                BinaryData.FromBytes(await File.ReadAllBytesAsync(Path.Combine(packageDirectory, ModelManifest.FileName), cancellationToken).ConfigureAwait(false)),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412)
        {
            throw new InvalidOperationException($"Model version {manifest.Version} was published concurrently; packages are immutable.", exception);
        }

        return manifest;
    }

    public async Task PromoteAsync(string version, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        ModelVersion.EnsureValid(version);
        if (!await _container.GetBlobClient($"{version}/{ModelManifest.FileName}").ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Model version {version} is not published in container {_container.Name}.");
        }

        // A single-blob upload replaces the whole blob at once: readers see the old pointer or the new one.
        await _container.GetBlobClient(PromotedPointer.FileName)
            .UploadAsync(BinaryData.FromString(new PromotedPointer(version, DateTimeOffset.UtcNow).ToJson()), overwrite: true, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<string> GetLocalPackageAsync(string version, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        ModelVersion.EnsureValid(version);
        var target = Path.Combine(_cacheRoot, version);
        if (Directory.Exists(target))
        {
            return target;
        }

        var staging = Path.Combine(_cacheRoot, $".download-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var manifestBlob = _container.GetBlobClient($"{version}/{ModelManifest.FileName}");
            var manifest = ModelManifest.Parse(await DownloadTextAsync(manifestBlob.Name, cancellationToken).ConfigureAwait(false), manifestBlob.Name);
            foreach (var file in manifest.Files)
            {
                await _container.GetBlobClient($"{version}/{file}")
                    .DownloadToAsync(Path.Combine(staging, file), cancellationToken).ConfigureAwait(false);
            }

            // Only complete, hash-checked downloads enter the cache, so a cached version is never re-checked remotely.
            ModelPackage.Verify(staging);
            Directory.Move(staging, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            // Another caller cached it first; theirs is as good as ours.
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            throw new ModelPackageException($"Model version {version} is partial in container {_container.Name}: {exception.Message}", exception);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return target;
    }

    private async Task<string> DownloadTextAsync(string blobName, CancellationToken cancellationToken)
    {
        var content = await _container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return content.Value.Content.ToString();
    }
}
