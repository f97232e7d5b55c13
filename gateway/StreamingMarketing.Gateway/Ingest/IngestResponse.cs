namespace StreamingMarketing.Gateway.Ingest;

/// <summary>The answer of <c>POST /api/events</c> (DESIGN.md public contract).</summary>
public sealed record IngestResponse(int Accepted, int Duplicates, int Rejected, List<IngestError> Errors)
{
    /// <summary>Valid events that could not be published (back-pressure); the answer is then 503 and they should be retried.</summary>
    public int Unpublished { get; init; }
}

public sealed record IngestError(int Index, string Error);
