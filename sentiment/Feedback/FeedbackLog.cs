using System.Text;
using System.Text.Json;

namespace StreamingMarketing.Sentiment;

/// <summary>A campaign manager's correction: this text should have been labelled <see cref="Label"/>.</summary>
public sealed record FeedbackEntry(string Text, string Label, string? CampaignId, DateTimeOffset ReceivedAt);

/// <summary>
/// Labelled feedback as JSON lines under &lt;dataDir&gt;/feedback/, one file per UTC day. The silo appends (one
/// writer: the feedback grain) and flushes each line to disk before acknowledging; training reads every complete
/// line. A line torn by a crash mid-write is skipped when read, so it never poisons a training run.
/// </summary>
public sealed class FeedbackLog
{
    private static readonly JsonSerializerOptions LineOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock gate = new();

    public FeedbackLog(string directory) => Directory = Path.GetFullPath(directory);

    public string Directory { get; }

    public static FeedbackLog ForDataDirectory(string dataDirectory) => new(Path.Combine(dataDirectory, "feedback"));

    public void Append(FeedbackEntry entry)
    {
        var line = JsonSerializer.Serialize(entry, LineOptions) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (gate)
        {
            System.IO.Directory.CreateDirectory(Directory);
            using var stream = new FileStream(Path.Combine(Directory, $"feedback-{entry.ReceivedAt.UtcDateTime:yyyyMMdd}.jsonl"),
                FileMode.Append, FileAccess.Write, FileShare.Read);
            stream.Write(bytes);
            // Durable before the caller hears "stored": flush through the OS cache.
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>
    /// Rewrites the files without the entries <paramref name="remove"/> picks (an erasure, text retention); answers how
    /// many went. Each file is replaced whole by a new one flushed to disk, so no copy of a removed line stays behind
    /// in it; a file left empty is deleted.
    /// </summary>
    public int RemoveWhere(Func<FeedbackEntry, bool> remove)
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var removed = 0;
        lock (gate)
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "feedback-*.jsonl").ToList())
            {
                var lines = File.ReadAllLines(file);
                var kept = lines.Where(line => TryParse(line) is not { } entry || !remove(entry)).ToList();
                if (kept.Count == lines.Length)
                {
                    continue;
                }

                removed += lines.Length - kept.Count;
                ReplaceFile(file, kept);
            }
        }

        return removed;
    }

    private static void ReplaceFile(string file, List<string> lines)
    {
        if (lines.Count == 0)
        {
            File.Delete(file);
            return;
        }

        var temporary = file + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(string.Concat(lines.Select(line => line + "\n"))));
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, file, overwrite: true);
    }

    /// <summary>Every complete entry, oldest file first.</summary>
    public IReadOnlyList<FeedbackEntry> ReadAll()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var entries = new List<FeedbackEntry>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "feedback-*.jsonl").Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                if (TryParse(line) is { } entry)
                {
                    entries.Add(entry);
                }
            }
        }

        return entries;
    }

    private static FeedbackEntry? TryParse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<FeedbackEntry>(line, LineOptions) is { Text.Length: > 0, Label.Length: > 0 } entry ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
