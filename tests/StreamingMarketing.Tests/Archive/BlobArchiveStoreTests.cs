using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamingMarketing.Archive.Reading;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Archive;

/// <summary>The Azure profiles' archive store against Azurite: segments written, listed by hour, read once per id, expired.</summary>
[Trait("Category", "Functional")]
public sealed class BlobArchiveStoreTests
{
    [Fact]
    public async Task Segments_round_trip_through_a_blob_container_and_retention_deletes_old_hours()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var store = new BlobArchiveStore(new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient($"archive-{Guid.NewGuid():N}"));
        var now = DateTime.UtcNow;
        InteractionEvent Event(string id, DateTime at) => new()
        {
            EventId = id, Platform = Platform.Twitter, Type = EventType.Like, UserId = "u", CampaignId = "c", Timestamp = at, ReceivedAt = at,
        };
        var writer = new ArchiveWriter(store, Options.Create(new ArchiveOptions()), TimeProvider.System, NullLogger<ArchiveWriter>.Instance);
        await writer.StartAsync(CancellationToken.None);
        await await writer.AppendAsync([Event("new", now), Event("old", now.AddDays(-3)), Event("new", now)]);
        await await writer.AppendAsync([Event("new", now)]);
        await writer.StopAsync(CancellationToken.None);

        var reader = new ArchiveReader(store);
        var ids = new List<string>();
        await foreach (var row in reader.ReadAsync(ArchiveQuery.All))
        {
            ids.Add(row.EventId);
        }

        Assert.Equal(["old", "new"], ids);
        Assert.Equal(2, reader.Stats.Duplicates);
        Assert.Equal(1, await ArchiveWriter.DeleteExpiredAsync(store, now.AddDays(-1)));
        var left = await new ArchiveReader(store).ListAsync(ArchiveQuery.All);
        Assert.Equal(now.Date.AddHours(now.Hour), Assert.Single(left).Hour);
        Assert.Equal(2, left[0].Segments.Count);
    }
}
