using System.Runtime.CompilerServices;
using Azure.Storage.Blobs;

namespace StreamingMarketing.Archive.Stores;

/// <summary>
/// Azure profiles: segments as block blobs in a container. A block blob uploaded in one call is committed whole or
/// not at all, so no reader ever sees part of a segment.
/// </summary>
public sealed class BlobArchiveStore(BlobContainerClient container) : IArchiveStore
{
    private bool created;

    public async Task PutAsync(string path, byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (!created)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            created = true;
        }

        await container.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(bytes), overwrite: false, cancellationToken);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!await container.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            if (blob.Name.EndsWith(Segments.SegmentName.Extension, StringComparison.Ordinal))
            {
                yield return blob.Name;
            }
        }
    }

    public async Task<Stream> OpenAsync(string path, CancellationToken cancellationToken = default)
    {
        var content = await container.GetBlobClient(path).DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToStream();
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        await container.GetBlobClient(path).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    public string Describe() => $"blob container {container.Name}";
}
