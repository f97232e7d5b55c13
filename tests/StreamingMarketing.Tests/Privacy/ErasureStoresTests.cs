using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Grains.DeadLetters;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Tests.Privacy;

/// <summary>The file stores an erasure and the retention sweep rewrite: only the picked lines go, and no copy of them stays.</summary>
public sealed class ErasureStoresTests
{
    private static string NewDirectory() => Directory.CreateTempSubdirectory("sm-erasure-").FullName;

    [Fact]
    public async Task Dead_letters_naming_the_user_at_any_depth_are_removed_and_others_kept()
    {
        var directory = NewDirectory();
        var sink = new FileDeadLetterSink(directory);
        var now = DateTime.UtcNow;
        await sink.WriteAsync(new DeadLetter(now, "event", "boom", new { eventId = "e-1", userId = "p-eve", text = "eve's secret words" }));
        await sink.WriteAsync(new DeadLetter(now, "users-part", "boom", new { parts = new[] { new { UserId = "p-eve" } } }));
        await sink.WriteAsync(new DeadLetter(now, "event", "boom", new { eventId = "e-2", userId = "p-bob", text = "mentions p-eve in passing" }));

        var erased = await sink.EraseUserAsync("p-eve");

        Assert.Equal(2, erased);
        var bytes = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.Single(bytes);
        Assert.DoesNotContain("eve's secret words", bytes[0], StringComparison.Ordinal);
        Assert.Contains("p-bob", bytes[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dead_letters_past_retention_are_purged()
    {
        var directory = NewDirectory();
        var sink = new FileDeadLetterSink(directory);
        await sink.WriteAsync(new DeadLetter(DateTime.UtcNow.AddDays(-40), "event", "old", new { userId = "u-1" }));
        await sink.WriteAsync(new DeadLetter(DateTime.UtcNow, "event", "new", new { userId = "u-1" }));

        var purged = await sink.PurgeBeforeAsync(DateTime.UtcNow.AddDays(-30));

        Assert.Equal(1, purged);
        Assert.Single(Directory.EnumerateFiles(directory));
    }

    [Fact]
    public void Feedback_quoting_an_erased_text_is_removed_by_its_fingerprint()
    {
        var log = new FeedbackLog(NewDirectory());
        log.Append(new FeedbackEntry("eve's angry words", "negative", "c-1", DateTimeOffset.UtcNow));
        log.Append(new FeedbackEntry("bob's kind words", "positive", "c-1", DateTimeOffset.UtcNow));
        var erased = new HashSet<string> { ErasureFingerprint.Of("eve's angry words") };

        var removed = log.RemoveWhere(entry => erased.Contains(ErasureFingerprint.Of(entry.Text)));

        Assert.Equal(1, removed);
        Assert.Equal(["bob's kind words"], log.ReadAll().Select(e => e.Text));
        var stored = string.Concat(Directory.EnumerateFiles(log.Directory).Select(File.ReadAllText));
        Assert.DoesNotContain("eve", stored, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(log.Directory, "*.tmp"));
    }

    [Fact]
    public void Fingerprints_are_lower_case_sha256_hex_and_the_suppression_list_matches_by_them()
    {
        var list = new SuppressionList();
        list.Add([ErasureFingerprint.Of("p-eve")]);

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ErasureFingerprint.Of("abc"));
        Assert.True(list.Contains("p-eve"));
        Assert.False(list.Contains("p-bob"));
    }
}
