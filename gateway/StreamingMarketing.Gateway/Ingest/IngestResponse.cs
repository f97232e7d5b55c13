namespace StreamingMarketing.Gateway.Ingest;

/// <summary>The answer of <c>POST /api/events</c> (docs/api.md).</summary>
public sealed record IngestResponse(int Accepted, int Duplicates, int Rejected, List<IngestError> Errors)
{
    /// <summary>Valid events that could not be published (back-pressure); the answer is then 503 and they should be retried.</summary>
    public int Unpublished { get; init; }

    /// <summary>Valid events of an erased user id, dropped before any stream saw them (<c>Privacy:SuppressErasedUsers</c>).</summary>
    public int Suppressed { get; init; }
}

public sealed record IngestError(int Index, string Error);
