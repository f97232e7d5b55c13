using System.Net;
using StreamingMarketing.Archive.Reading;
using StreamingMarketing.Archive.Segments;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Archive.Writing;
using StreamingMarketing.Client;
using StreamingMarketing.Tests.Infrastructure;
using StreamingMarketing.Tests.Insights;
using static StreamingMarketing.Tests.Privacy.ErasureSteps;
using CliRunner = StreamingMarketing.Tests.Cli.Cli;

namespace StreamingMarketing.Tests.Privacy;

/// <summary>
/// <c>DELETE /api/users/{id}</c> reaches the event archive on the real silo: the user's events leave every segment,
/// a segment of only theirs goes, other users' events stay readable, and a replay of an archive copy taken before the
/// erasure brings nothing of the user back.
/// </summary>
[Trait("Category", "Functional")]
public sealed class ArchiveErasureHttpTests
{
    [Fact]
    public async Task Erasure_rewrites_the_archive_without_the_users_events_and_a_replay_of_an_older_copy_is_suppressed()
    {
        var dataDir = RunningSilo.NewDataDir();
        var backupDir = RunningSilo.NewDataDir();
        // Raw ids stored as they are, so the search below looks for the id itself.
        var (eve, bob, campaign) = (Burst.Id("tw-eve"), Burst.Id("tw-bob"), Burst.Id("arch-erase"));
        var (eveText, eveOldText, bobText) = (NegativeText(0), NegativeText(1), NegativeText(2));
        var oldHour = DateTime.UtcNow.AddHours(-3);
        var archive = Path.Combine(dataDir, "archive");
        await using (var silo = await RunningSilo.StartAsync(dataDir, Args(pseudonymize: false)))
        {
            var http = silo.Http;
            await PostAsync(http,
            [
                // Three hours back only eve wrote: that hour's segment holds nothing else.
                Event("comment", eve, campaign, eveOldText, at: oldHour), Event("like", eve, campaign, at: oldHour),
                Event("comment", eve, campaign, eveText), Event("impression", eve, campaign),
                Event("comment", bob, campaign, bobText), Event("like", bob, campaign), Event("share", bob, campaign, at: oldHour.AddHours(1)),
            ]);
            await SettledCampaignAsync(http, campaign, 7, texts: 3);
            await ((ArchiveWriter)silo.Services.GetService(typeof(ArchiveWriter))!).FlushAsync();
            Assert.Equal((4, 3), await CountByUserAsync(archive, eve, bob));
            Assert.NotEmpty(FilesHolding(archive, eveText));
            Assert.NotEmpty(await SegmentsOfHourAsync(archive, oldHour));
            CopyFolder(archive, Path.Combine(backupDir, "archive"));

            var done = await CompletedAsync(http, (await EraseAsync(http, $"/api/users/{eve}")).RequestId);

            Assert.True(done.ItemsRemoved >= 4, $"removed {done.ItemsRemoved}");
            Assert.Equal((0, 3), await CountByUserAsync(archive, eve, bob));
            Assert.Empty(await SegmentsOfHourAsync(archive, oldHour));

            // An archive copy from before the erasure (a backup, another silo's) replayed: eve's events are suppressed.
            var replay = await CliRunner.RunAsync("replay", "--data-dir", backupDir, "--url", http.BaseAddress!.ToString().TrimEnd('/'));
            Assert.True(replay.ExitCode == ExitCodes.Ok, replay.Output);
            Assert.Contains("4 suppressed as erased", replay.Output, StringComparison.Ordinal);
            await SettledCampaignAsync(http, campaign, 7, texts: 3);
            Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/users/{eve}")).StatusCode);
            await silo.StopAsync();
        }

        Assert.Equal((0, 3), await CountByUserAsync(archive, eve, bob));
        foreach (var needle in new[] { eveText, eveOldText, eveText[^32..], eveOldText[^32..], eve })
        {
            Assert.Empty(FilesHolding(dataDir, needle));
        }

        Assert.NotEmpty(FilesHolding(archive, bobText[^32..]));
    }

    private static async Task<(int Erased, int Kept)> CountByUserAsync(string archive, string erased, string kept)
    {
        var reader = new ArchiveReader(new FileArchiveStore(archive));
        var (e, k) = (0, 0);
        await foreach (var row in reader.ReadAsync(ArchiveQuery.All))
        {
            e += row.UserId == erased ? 1 : 0;
            k += row.UserId == kept ? 1 : 0;
        }

        Assert.Empty(reader.Stats.TornSegments);
        return (e, k);
    }

    private static async Task<List<SegmentName>> SegmentsOfHourAsync(string archive, DateTime at)
    {
        var hour = SegmentName.HourOf(at);
        var hours = await new ArchiveReader(new FileArchiveStore(archive)).ListAsync(new ArchiveQuery(hour, hour.AddHours(1)));
        return [.. hours.SelectMany(h => h.Segments)];
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
