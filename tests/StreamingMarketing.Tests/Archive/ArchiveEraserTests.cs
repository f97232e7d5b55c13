using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamingMarketing.Archive.Erasure;
using StreamingMarketing.Archive.Reading;
using StreamingMarketing.Archive.Segments;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Archive;

/// <summary>Erasure in the archive: segments rewritten without the erased users, emptied ones deleted, later events dropped at the writer.</summary>
public sealed class ArchiveEraserTests : IDisposable
{
    private static readonly DateTime Noon = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly string root = Directory.CreateTempSubdirectory("sm-archive-erase-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static InteractionEvent Event(string id, DateTime at, string user) => new()
    {
        EventId = id, Platform = Platform.Twitter, Type = EventType.Comment, UserId = user, CampaignId = "c-1",
        Timestamp = at, ReceivedAt = at, Text = $"text of {user} #{id}",
    };

    private static ArchiveWriter Writer(IArchiveStore store, ArchiveSuppression? suppression = null) =>
        new(store, Options.Create(new ArchiveOptions { FlushInterval = TimeSpan.FromMilliseconds(20) }), TimeProvider.System, NullLogger<ArchiveWriter>.Instance, suppression);

    private static async Task<Dictionary<string, int>> CountByUserAsync(IArchiveStore store)
    {
        var reader = new ArchiveReader(store);
        var counts = new Dictionary<string, int>();
        await foreach (var row in reader.ReadAsync(ArchiveQuery.All))
        {
            counts[row.UserId] = counts.GetValueOrDefault(row.UserId) + 1;
        }

        Assert.Empty(reader.Stats.TornSegments);
        return counts;
    }

    /// <summary>Noon: eve and bob in one segment; 10:00: eve alone. Eve erased: noon rewritten with bob's, 10:00 gone.</summary>
    private static async Task ErasesAsync(IArchiveStore store)
    {
        var writer = Writer(store);
        await writer.StartAsync(CancellationToken.None);
        await await writer.AppendAsync([Event("1", Noon, "eve"), Event("2", Noon, "bob"), Event("3", Noon.AddMinutes(5), "eve"), Event("4", Noon.AddHours(-2), "eve")]);
        using var eraser = new ArchiveEraser(writer, NullLogger<ArchiveEraser>.Instance);

        var removed = await eraser.EraseUsersAsync(["eve"]);
        var again = await eraser.EraseUsersAsync(["eve"]);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal((3, 0), (removed, again));
        Assert.Equal(new Dictionary<string, int> { ["bob"] = 1 }, await CountByUserAsync(store));
        var hours = await new ArchiveReader(store).ListAsync(ArchiveQuery.All);
        Assert.Equal(Noon, Assert.Single(hours).Hour);
        Assert.Equal(1, Assert.Single(hours[0].Segments).Rows);
    }

    [Fact]
    public async Task File_segments_lose_the_erased_users_events_and_one_left_empty_is_deleted()
    {
        var store = new FileArchiveStore(Path.Combine(root, "archive"));

        await ErasesAsync(store);

        var eveBytes = Encoding.UTF8.GetBytes("text of eve");
        Assert.DoesNotContain(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories), file => File.ReadAllBytes(file).AsSpan().IndexOf(eveBytes) >= 0);
        Assert.False(Directory.Exists(Path.Combine(store.Root, SegmentName.HourPrefix(Noon.AddHours(-2)))));
    }

    [Fact]
    [Trait("Category", "Functional")]
    public async Task Blob_segments_lose_the_erased_users_events_and_one_left_empty_is_deleted()
    {
        await using var azurite = await AzuriteServer.StartAsync();
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient($"archive-{Guid.NewGuid():N}");

        await ErasesAsync(new BlobArchiveStore(container));

        var eveBytes = Encoding.UTF8.GetBytes("text of eve");
        await foreach (var blob in container.GetBlobsAsync())
        {
            var bytes = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            Assert.True(bytes.AsSpan().IndexOf(eveBytes) < 0, $"{blob.Name} still holds eve's text");
        }
    }

    [Fact]
    public async Task The_writer_drops_events_of_a_suppressed_user_that_reach_it_after_the_erasure()
    {
        var store = new FileArchiveStore(Path.Combine(root, "archive"));
        var suppressed = new SuppressionList();
        suppressed.Add([ErasureFingerprint.Of("eve")]);
        var writer = Writer(store, new ArchiveSuppression(suppressed, Options.Create(new ErasureOptions())));
        await writer.StartAsync(CancellationToken.None);

        await await writer.AppendAsync([Event("1", Noon, "eve"), Event("2", Noon, "bob")]);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["bob"] = 1 }, await CountByUserAsync(store));
    }
}
