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
    private readonly BlobContainerClient container;
    private readonly string cacheRoot;
    private readonly Lazy<Task> created;

    public AzureBlobModelRegistry(BlobContainerClient container, string cacheDirectory)
    {
        this.container = container;
        cacheRoot = Path.GetFullPath(cacheDirectory);
        created = new Lazy<Task>(() => this.container.CreateIfNotExistsAsync());
    }

    public async Task<IReadOnlyList<ModelManifest>> ListAsync(CancellationToken cancellationToken = default)
    {
        await created.Value.ConfigureAwait(false);
        var manifests = new List<ModelManifest>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
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
        await created.Value.ConfigureAwait(false);
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
        await created.Value.ConfigureAwait(false);
        var manifest = ModelPackage.Verify(packageDirectory);
        ModelVersion.EnsureValid(manifest.Version);
        var manifestBlob = container.GetBlobClient($"{manifest.Version}/{ModelManifest.FileName}");
        if (await manifestBlob.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Model version {manifest.Version} is already published; packages are immutable.");
        }

        foreach (var file in manifest.Files.Where(f => f != ModelManifest.FileName))
        {
            // Overwriting is safe: without a manifest these blobs belong to no published package yet.
            await container.GetBlobClient($"{manifest.Version}/{file}")
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
        await created.Value.ConfigureAwait(false);
        ModelVersion.EnsureValid(version);
        if (!await container.GetBlobClient($"{version}/{ModelManifest.FileName}").ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Model version {version} is not published in container {container.Name}.");
        }

        // A single-blob upload replaces the whole blob at once: readers see the old pointer or the new one.
        await container.GetBlobClient(PromotedPointer.FileName)
            .UploadAsync(BinaryData.FromString(new PromotedPointer(version, DateTimeOffset.UtcNow).ToJson()), overwrite: true, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<string> GetLocalPackageAsync(string version, CancellationToken cancellationToken = default)
    {
        await created.Value.ConfigureAwait(false);
        ModelVersion.EnsureValid(version);
        var target = Path.Combine(cacheRoot, version);
        if (Directory.Exists(target))
        {
            return target;
        }

        var staging = Path.Combine(cacheRoot, $".download-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var manifestBlob = container.GetBlobClient($"{version}/{ModelManifest.FileName}");
            var manifest = ModelManifest.Parse(await DownloadTextAsync(manifestBlob.Name, cancellationToken).ConfigureAwait(false), manifestBlob.Name);
            foreach (var file in manifest.Files)
            {
                await container.GetBlobClient($"{version}/{file}")
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
            throw new ModelPackageException($"Model version {version} is partial in container {container.Name}: {exception.Message}", exception);
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
        var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        return content.Value.Content.ToString();
    }
}
