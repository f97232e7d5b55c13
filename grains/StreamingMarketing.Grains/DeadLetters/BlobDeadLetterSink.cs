using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace StreamingMarketing.Grains.DeadLetters;

/// <summary>Azure profiles: dead letters appended as NDJSON to one append blob per day in a container.</summary>
public sealed class BlobDeadLetterSink(BlobContainerClient container) : IDeadLetterSink
{
    /// <summary>The most one append block may carry.</summary>
    private const int MaxBlockBytes = 4 * 1024 * 1024;

    public async Task WriteAsync(DeadLetter letter)
    {
        await container.CreateIfNotExistsAsync();
        var blob = container.GetAppendBlobClient($"{letter.At:yyyy-MM-dd}.ndjson");
        await blob.CreateIfNotExistsAsync();
        using var line = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(letter, JsonSerializerOptions.Web) + "\n"));
        await blob.AppendBlockAsync(line);
    }

    public Task<int> EraseUserAsync(string userId) => RemoveLinesAsync(line => DeadLetterLines.NamesUser(line, userId));

    public Task<int> PurgeBeforeAsync(DateTime cutoff) => RemoveLinesAsync(line => DeadLetterLines.SetAsideBefore(line, cutoff));

    /// <summary>
    /// An append blob cannot lose a block, so a day that loses a line is written anew: the old blob is deleted (with
    /// its snapshots) and the kept lines appended to a fresh one. A letter appended meanwhile to that day may be lost:
    /// dead letters are rare, and erasure and retention are rarer.
    /// </summary>
    private async Task<int> RemoveLinesAsync(Func<string, bool> remove)
    {
        if (!await container.ExistsAsync())
        {
            return 0;
        }

        var removed = 0;
        await foreach (var item in container.GetBlobsAsync())
        {
            var blob = container.GetAppendBlobClient(item.Name);
            var content = (await blob.DownloadContentAsync()).Value.Content.ToString();
            var lines = content.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var kept = lines.Where(line => !remove(line)).ToList();
            if (kept.Count == lines.Length)
            {
                continue;
            }

            removed += lines.Length - kept.Count;
            await blob.DeleteIfExistsAsync(Azure.Storage.Blobs.Models.DeleteSnapshotsOption.IncludeSnapshots);
            if (kept.Count == 0)
            {
                continue;
            }

            await blob.CreateAsync();
            var bytes = Encoding.UTF8.GetBytes(string.Concat(kept.Select(line => line + "\n")));
            for (var offset = 0; offset < bytes.Length; offset += MaxBlockBytes)
            {
                using var block = new MemoryStream(bytes, offset, Math.Min(MaxBlockBytes, bytes.Length - offset));
                await blob.AppendBlockAsync(block);
            }
        }

        return removed;
    }
}
