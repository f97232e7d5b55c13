using System.Text;
using System.Text.Json;

namespace StreamingMarketing.Grains.DeadLetters;

/// <summary>Embedded profile: dead letters appended as NDJSON to <c>dead-letters/YYYY-MM-DD.ndjson</c> under the data dir.</summary>
public sealed class FileDeadLetterSink(string directory) : IDeadLetterSink
{
    private readonly Lock gate = new();

    public Task WriteAsync(DeadLetter letter)
    {
        var line = JsonSerializer.Serialize(letter, JsonSerializerOptions.Web) + "\n";
        lock (gate)
        {
            // Dead letters are rare; a synchronous append keeps lines whole without a writer task to manage.
            Directory.CreateDirectory(directory);
            File.AppendAllText(Path.Combine(directory, $"{letter.At:yyyy-MM-dd}.ndjson"), line);
        }

        return Task.CompletedTask;
    }

    public Task<int> EraseUserAsync(string userId) => Task.FromResult(RemoveLines(line => DeadLetterLines.NamesUser(line, userId)));

    public Task<int> PurgeBeforeAsync(DateTime cutoff) => Task.FromResult(RemoveLines(line => DeadLetterLines.SetAsideBefore(line, cutoff)));

    /// <summary>Replaces each file that loses a line by a new one flushed to disk (an empty one is deleted).</summary>
    private int RemoveLines(Func<string, bool> remove)
    {
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        lock (gate)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.ndjson").ToList())
            {
                var lines = File.ReadAllLines(file);
                var kept = lines.Where(line => line.Length > 0 && !remove(line)).ToList();
                if (kept.Count == lines.Length)
                {
                    continue;
                }

                removed += lines.Count(line => line.Length > 0) - kept.Count;
                if (kept.Count == 0)
                {
                    File.Delete(file);
                    continue;
                }

                var temporary = file + ".tmp";
                using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    stream.Write(Encoding.UTF8.GetBytes(string.Concat(kept.Select(line => line + "\n"))));
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, file, overwrite: true);
            }
        }

        return removed;
    }
}
