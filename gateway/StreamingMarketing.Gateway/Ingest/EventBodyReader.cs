using System.Buffers;
using System.Text.Json;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Gateway.Ingest;

/// <summary>
/// Reads an ingest body, a JSON array or NDJSON, within the request limits. A body that is not JSON at all is the
/// client's bug and answers 400; an item that is JSON but not an event (a number, a field of the wrong type, a
/// broken NDJSON line) is that item's error only, so one bad event never costs the others.
/// </summary>
public sealed class EventBodyReader(IngestOptions options)
{
    public async Task<ParsedBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > options.MaxRequestBytes)
        {
            return TooLarge();
        }

        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is > 0 and var length ? (int)length : 64 * 1024);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await request.Body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > options.MaxRequestBytes)
            {
                return TooLarge();
            }
        }

        return Parse(buffer.WrittenMemory, IsNdjson(request.ContentType));
    }

    public ParsedBody Parse(ReadOnlyMemory<byte> body, bool ndjson)
    {
        var span = body.Span.Trim(" \t\r\n"u8);
        if (span.IsEmpty)
        {
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, "The body is empty: send a JSON array of events or NDJSON (one event per line).");
        }

        // A body that starts with '[' is an array whatever the content type says; anything else is read line by line.
        return span[0] == (byte)'[' && !ndjson ? ParseArray(body) : ParseLines(body);
    }

    private ParsedBody ParseArray(ReadOnlyMemory<byte> body)
    {
        // Fast path: one source-generated pass over a well-formed array. Only a body with a bad item pays for the
        // slower per-item pass that tells which item is wrong.
        try
        {
            var events = JsonSerializer.Deserialize(body.Span, GatewayJsonContext.Default.ListIncomingEvent);
            if (events is not null && !events.Contains(null!))
            {
                return events.Count > options.MaxEventsPerRequest
                    ? TooMany(events.Count)
                    : new ParsedBody(events.ConvertAll(e => new ParsedItem(e, null)));
            }
        }
        catch (JsonException)
        {
        }

        return ParseArrayItemByItem(body);
    }

    private ParsedBody ParseArrayItemByItem(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException exception)
        {
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, $"The body is not valid JSON: {exception.Message}");
        }

        using (document)
        {
            var count = document.RootElement.GetArrayLength();
            if (count > options.MaxEventsPerRequest)
            {
                return TooMany(count);
            }

            var items = new List<ParsedItem>(count);
            foreach (var element in document.RootElement.EnumerateArray())
            {
                items.Add(ReadItem(element));
            }

            return new ParsedBody(items);
        }
    }

    private ParsedBody ParseLines(ReadOnlyMemory<byte> body)
    {
        var items = new List<ParsedItem>();
        var remaining = body;
        while (!remaining.IsEmpty)
        {
            var newline = remaining.Span.IndexOf((byte)'\n');
            var line = newline < 0 ? remaining : remaining[..newline];
            remaining = newline < 0 ? ReadOnlyMemory<byte>.Empty : remaining[(newline + 1)..];
            if (line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                continue;
            }

            if (items.Count == options.MaxEventsPerRequest)
            {
                return TooMany(items.Count + 1 + CountLines(remaining));
            }

            items.Add(ReadLine(line));
        }

        if (items.Count > 0 && items.All(item => item.Event is null))
        {
            return ParsedBody.Fail(StatusCodes.Status400BadRequest, $"No line of the body is a JSON event: {items[0].Error}");
        }

        return new ParsedBody(items);
    }

    private static ParsedItem ReadLine(ReadOnlyMemory<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
            return ReadItem(document.RootElement);
        }
        catch (JsonException exception)
        {
            return new ParsedItem(null, $"line is not valid JSON: {exception.Message}");
        }
    }

    private static ParsedItem ReadItem(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ParsedItem(null, $"expected a JSON object, got {element.ValueKind.ToString().ToLowerInvariant()}");
        }

        try
        {
            var incoming = element.Deserialize(GatewayJsonContext.Default.IncomingEvent);
            return incoming is null ? new ParsedItem(null, "expected a JSON object, got null") : new ParsedItem(incoming, null);
        }
        catch (JsonException exception)
        {
            var field = exception.Path is { Length: > 2 } path ? path[2..] : "a field";
            return new ParsedItem(null, $"{field} has the wrong JSON type");
        }
    }

    private static int CountLines(ReadOnlyMemory<byte> rest) => rest.Span.Count((byte)'\n') + 1;

    private static bool IsNdjson(string? contentType) =>
        contentType is not null &&
        (contentType.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) ||
         contentType.StartsWith("application/ndjson", StringComparison.OrdinalIgnoreCase) ||
         contentType.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase));

    private ParsedBody TooLarge() => ParsedBody.Fail(
        StatusCodes.Status413PayloadTooLarge,
        $"The body is larger than {options.MaxRequestBytes} bytes: split it into several requests.");

    private ParsedBody TooMany(int count) => ParsedBody.Fail(
        StatusCodes.Status413PayloadTooLarge,
        $"The body holds {count} events, more than the {options.MaxEventsPerRequest} allowed per request: split it.");
}
