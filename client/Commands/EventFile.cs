using System.Globalization;
using System.Text.Json.Nodes;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// Events from a file, one JSON text per event with the line it came from. NDJSON lines pass through untouched, so
/// that the gateway's validation (not this client) judges every event; CSV rows become JSON objects by their header.
/// </summary>
internal static class EventFile
{
    public enum Format { Ndjson, Csv }

    /// <summary>CSV columns are the event fields; hashtags are separated by '|', ';' or spaces.</summary>
    private static readonly string[] Fields = ["eventId", "platform", "type", "userId", "campaignId", "postId", "timestamp", "text", "hashtags", "value", "variant"];

    public static Format Detect(string path, string? requested)
    {
        if (requested is not null)
        {
            return TryParseFormat(requested, out var format) ? format : throw new UsageException($"--format must be ndjson or csv (got '{requested}').");
        }

        return string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase) ? Format.Csv : Format.Ndjson;
    }

    public static bool TryParseFormat(string name, out Format format)
    {
        (var known, format) = name.ToLowerInvariant() switch
        {
            "ndjson" or "jsonl" or "json" => (true, Format.Ndjson),
            "csv" => (true, Format.Csv),
            _ => (false, Format.Ndjson),
        };
        return known;
    }

    public static IEnumerable<SourceEvent> Read(string path, Format format) => format == Format.Csv ? ReadCsv(path) : ReadNdjson(path);

    private static IEnumerable<SourceEvent> ReadNdjson(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return new SourceEvent(number, line.Trim());
            }
        }
    }

    private static IEnumerable<SourceEvent> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        string[]? header = null;
        foreach (var (line, values) in CsvReader.Records(reader))
        {
            if (header is null)
            {
                header = values.Select(ColumnName).ToArray();
                continue;
            }

            var json = new JsonObject();
            for (var i = 0; i < Math.Min(header.Length, values.Count); i++)
            {
                if (header[i] is { } name && values[i].Length > 0)
                {
                    json[name] = Value(name, values[i]);
                }
            }

            yield return new SourceEvent(line, json.ToJsonString());
        }
    }

    private static string ColumnName(string column)
    {
        var trimmed = column.Trim().TrimStart('\uFEFF');
        return Fields.FirstOrDefault(f => f.Equals(trimmed, StringComparison.OrdinalIgnoreCase))
               ?? throw new UsageException($"CSV column '{trimmed}' is not an event field ({string.Join(", ", Fields)}).");
    }

    private static JsonNode Value(string field, string raw) => field switch
    {
        "hashtags" => new JsonArray(raw.Split(['|', ';', ' '], StringSplitOptions.RemoveEmptyEntries).Select(t => (JsonNode)JsonValue.Create(t)!).ToArray()),
        // A value that is not a number goes as text, so the gateway rejects that one event with its own message.
        "value" => double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(raw),
        _ => JsonValue.Create(raw),
    };
}

/// <summary>One event as JSON text and the line of the file it starts on.</summary>
internal sealed record SourceEvent(int Line, string Json);
