using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Gateway.Ingest;

/// <summary>One item of a request body: an event to validate, or why that item could not be read as one.</summary>
public readonly record struct ParsedItem(IncomingEvent? Event, string? Error);

/// <summary>The outcome of reading a request body.</summary>
public sealed record ParsedBody(List<ParsedItem> Items, int StatusCode = StatusCodes.Status200OK, string? Problem = null)
{
    public bool IsValid => Problem is null;

    public static ParsedBody Fail(int statusCode, string problem) => new([], statusCode, problem);
}
