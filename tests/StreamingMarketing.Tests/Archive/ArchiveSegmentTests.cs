using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StreamingMarketing.Archive.Reading;
using StreamingMarketing.Archive.Segments;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Tests.Archive;

public sealed class ArchiveSegmentTests : IDisposable
{
    private static readonly DateTime Noon = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly string root = Directory.CreateTempSubdirectory("sm-archive-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static InteractionEvent Event(string id, DateTime at, string campaign = "c-1", EventType type = EventType.Like, string user = "u-1") => new()
    {
        EventId = id,
        Platform = Platform.Twitter,
        Type = type,
        UserId = user,
        CampaignId = campaign,
        PostId = "p-1",
        Timestamp = at,
        Text = type == EventType.Comment ? "nice" : null,
        Hashtags = ["sale", "launch"],
        Value = type == EventType.Conversion ? 9.5 : 0,
        ReceivedAt = at.AddSeconds(1),
        Variant = "a",
    };

    private static ArchiveWriter Writer(FileArchiveStore store, int maxSegmentEvents = 50_000) =>
        new(store, Options.Create(new ArchiveOptions { MaxSegmentEvents = maxSegmentEvents, FlushInterval = TimeSpan.FromMilliseconds(20) }), TimeProvider.System, NullLogger<ArchiveWriter>.Instance);

    private static async Task<List<ArchivedEvent>> ReadAllAsync(ArchiveReader reader, ArchiveQuery? query = null)
    {
        var rows = new List<ArchivedEvent>();
        await foreach (var row in reader.ReadAsync(query ?? ArchiveQuery.All))
        {
            rows.Add(row);
        }

        return rows;
    }

    private static async Task ArchiveAsync(FileArchiveStore store, params InteractionEvent[][] batches)
    {
        var writer = Writer(store);
        await writer.StartAsync(CancellationToken.None);
        foreach (var batch in batches)
        {
            await await writer.AppendAsync(batch);
        }

        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Every_field_of_an_event_round_trips_through_a_segment()
    {
        var store = new FileArchiveStore(root);
        var original = Event("e-1", Noon.AddMinutes(5).AddTicks(1234567), type: EventType.Conversion);

        await ArchiveAsync(store, [original]);
        var row = Assert.Single(await ReadAllAsync(new ArchiveReader(store)));

        Assert.Equal(("e-1", "twitter", "conversion", "u-1", "c-1", "p-1"), (row.EventId, row.Platform, row.Type, row.UserId, row.CampaignId, row.PostId));
        Assert.Equal(original.Timestamp, row.Timestamp);
        Assert.Equal(DateTimeKind.Utc, row.Timestamp.Kind);
        Assert.Equal(original.ReceivedAt, row.ReceivedAt);
        Assert.Equal(["sale", "launch"], row.Hashtags);
        Assert.Equal((9.5, "a"), (row.Value, row.Variant));
    }

    [Fact]
    public async Task Segments_are_partitioned_by_the_hour_of_event_time()
    {
        var store = new FileArchiveStore(root);

        await ArchiveAsync(store, [Event("a", Noon.AddMinutes(1)), Event("b", Noon.AddHours(-30)), Event("c", Noon.AddMinutes(59))]);

        var hours = await new ArchiveReader(store).ListAsync(ArchiveQuery.All);
        Assert.Equal([Noon.AddHours(-30).Date.AddHours(6), Noon], hours.Select(h => h.Hour));
        Assert.True(Directory.Exists(Path.Combine(root, "events", "2026", "03", "01", "12")));
        Assert.Equal(["b", "a", "c"], (await ReadAllAsync(new ArchiveReader(store))).Select(r => r.EventId));
    }

    [Fact]
    public async Task An_event_archived_twice_is_read_once()
    {
        // A crash between the archive write and the campaign's state write: the stream redelivers, the campaign
        // counts the event as new again, and it is archived a second time, in another segment.
        var store = new FileArchiveStore(root);
        var e = Event("again", Noon.AddMinutes(3));

        await ArchiveAsync(store, [e, Event("once", Noon)], [e]);
        await ArchiveAsync(store, [e]);

        var reader = new ArchiveReader(store);
        var rows = await ReadAllAsync(reader);
        Assert.Equal(["again", "once"], rows.Select(r => r.EventId).Order());
        Assert.Equal(2, reader.Stats.Duplicates);
        Assert.Equal(3, reader.Stats.Segments);
    }

    [Fact]
    public async Task The_same_event_id_in_two_campaigns_is_two_events()
    {
        var store = new FileArchiveStore(root);

        await ArchiveAsync(store, [Event("e", Noon, campaign: "c-1"), Event("e", Noon, campaign: "c-2")]);

        Assert.Equal(2, (await ReadAllAsync(new ArchiveReader(store))).Count);
    }

    [Fact]
    public async Task A_segment_cut_short_is_reported_and_skipped_not_read_as_data()
    {
        var store = new FileArchiveStore(root);
        await ArchiveAsync(store, [Event("kept", Noon)], [Event("torn", Noon.AddMinutes(1))]);
        var torn = (await new ArchiveReader(store).ListAsync(ArchiveQuery.All)).Single().Segments[1];
        var path = Path.Combine(root, torn.Path);
        var bytes = await File.ReadAllBytesAsync(path);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)]);

        var reader = new ArchiveReader(store);
        var rows = await ReadAllAsync(reader);

        Assert.Equal(["kept"], rows.Select(r => r.EventId));
        Assert.Equal([torn.Path], reader.Stats.TornSegments);
    }

    [Fact]
    public async Task A_segment_holding_other_rows_than_its_name_says_is_torn()
    {
        var store = new FileArchiveStore(root);
        await ArchiveAsync(store, [Event("a", Noon), Event("b", Noon)]);
        var segment = (await new ArchiveReader(store).ListAsync(ArchiveQuery.All)).Single().Segments.Single();
        var renamed = segment with { Rows = 3 };
        File.Move(Path.Combine(root, segment.Path), Path.Combine(root, renamed.Path));

        var reader = new ArchiveReader(store);

        Assert.Empty(await ReadAllAsync(reader));
        Assert.Equal([renamed.Path], reader.Stats.TornSegments);
    }

    [Fact]
    public async Task A_write_cut_short_by_a_crash_is_never_listed_and_is_removed_on_the_next_start()
    {
        var store = new FileArchiveStore(root);
        var name = new SegmentName(Noon, "wcrashed", 1, 5);
        var partial = Path.Combine(root, name.Path) + FileArchiveStore.TemporarySuffix;
        Directory.CreateDirectory(Path.GetDirectoryName(partial)!);
        await File.WriteAllBytesAsync(partial, [0x50, 0x41, 0x52, 0x31, 1, 2, 3]);

        Assert.Empty(await new ArchiveReader(store).ListAsync(ArchiveQuery.All));
        await ArchiveAsync(store, [Event("after", Noon)]);

        Assert.False(File.Exists(partial));
        Assert.Equal(["after"], (await ReadAllAsync(new ArchiveReader(store))).Select(r => r.EventId));
    }

    [Fact]
    public async Task A_query_reads_only_its_time_range_and_campaigns()
    {
        var store = new FileArchiveStore(root);
        await ArchiveAsync(store, [
            Event("early", Noon.AddHours(-2)), Event("in", Noon.AddMinutes(10)), Event("other", Noon.AddMinutes(10), campaign: "c-2"),
            Event("late", Noon.AddHours(1).AddMinutes(30))]);

        var rows = await ReadAllAsync(new ArchiveReader(store), new ArchiveQuery(Noon.AddMinutes(5), Noon.AddHours(1).AddMinutes(30), new HashSet<string> { "c-1" }));

        Assert.Equal(["in"], rows.Select(r => r.EventId));
    }

    [Fact]
    public async Task A_full_queue_is_cut_into_segments_of_at_most_the_configured_size()
    {
        var store = new FileArchiveStore(root);
        var writer = Writer(store, maxSegmentEvents: 100);
        await writer.StartAsync(CancellationToken.None);
        await await writer.AppendAsync([.. Enumerable.Range(0, 250).Select(i => Event($"e{i}", Noon.AddSeconds(i)))]);
        await writer.StopAsync(CancellationToken.None);

        var segments = (await new ArchiveReader(store).ListAsync(ArchiveQuery.All)).Single().Segments;
        Assert.Equal([100, 100, 50], segments.Select(s => s.Rows));
        Assert.Equal(250, (await ReadAllAsync(new ArchiveReader(store))).Count);
    }

    [Fact]
    public async Task Retention_deletes_the_hours_older_than_the_cutoff_and_their_folders()
    {
        var store = new FileArchiveStore(root);
        await ArchiveAsync(store, [Event("old", Noon.AddDays(-10)), Event("kept", Noon)]);

        var deleted = await ArchiveWriter.DeleteExpiredAsync(store, Noon.AddDays(-1));

        Assert.Equal(1, deleted);
        Assert.Equal(["kept"], (await ReadAllAsync(new ArchiveReader(store))).Select(r => r.EventId));
        Assert.False(Directory.Exists(Path.Combine(root, "events", "2026", "02")));
    }
}
