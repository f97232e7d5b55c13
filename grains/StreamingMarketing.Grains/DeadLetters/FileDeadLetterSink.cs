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
}
