using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace StreamingMarketing.Grains.DeadLetters;

/// <summary>Azure profiles: dead letters appended as NDJSON to one append blob per day in a container.</summary>
public sealed class BlobDeadLetterSink(BlobContainerClient container) : IDeadLetterSink
{
    public async Task WriteAsync(DeadLetter letter)
    {
        await container.CreateIfNotExistsAsync();
        var blob = container.GetAppendBlobClient($"{letter.At:yyyy-MM-dd}.ndjson");
        await blob.CreateIfNotExistsAsync();
        using var line = new MemoryStream(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(letter, JsonSerializerOptions.Web) + "\n"));
        await blob.AppendBlockAsync(line);
    }
}
