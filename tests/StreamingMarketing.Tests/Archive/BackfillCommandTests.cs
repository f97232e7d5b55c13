using System.Text.Json;
using StreamingMarketing.Archive.Reading;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Client;
using StreamingMarketing.Tests.Infrastructure;
using CliRunner = StreamingMarketing.Tests.Cli.Cli;

namespace StreamingMarketing.Tests.Archive;

public sealed class BackfillCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("sm-backfill-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task History_older_than_the_live_window_goes_into_the_archive_and_newer_events_are_refused()
    {
        var now = DateTime.UtcNow;
        var file = Path.Combine(directory, "history.ndjson");
        string Line(string id, DateTime at, string type = "like") => JsonSerializer.Serialize(Events.Json(id, type, "u-1", "old-campaign", at: at));
        await File.WriteAllLinesAsync(file, [
            Line("h-1", now.AddDays(-45)), Line("h-2", now.AddDays(-200), "click"), Line("h-3", now.AddDays(-2)), Line("h-4", now.AddDays(-900)),
            "{\"eventId\": \"h-5\", \"type\": \"likes\"}"]);
        var dataDir = Path.Combine(directory, "data");

        var result = await CliRunner.RunAsync("backfill", file, "--data-dir", dataDir);
        // Again: a rerun archives repeats, which readers drop.
        await CliRunner.RunAsync("backfill", file, "--data-dir", dataDir);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("2 events archived", result.Output);
        Assert.Contains("line 3:", result.Output);
        Assert.Contains("live window", result.Output);
        Assert.Contains("line 4:", result.Output);
        Assert.Contains("line 5:", result.Output);
        var reader = new ArchiveReader(new FileArchiveStore(Path.Combine(dataDir, "archive")));
        var ids = new List<string>();
        await foreach (var row in reader.ReadAsync(ArchiveQuery.All))
        {
            ids.Add(row.EventId);
        }

        Assert.Equal(["h-2", "h-1"], ids);
        Assert.Equal(2, reader.Stats.Duplicates);
    }
}
