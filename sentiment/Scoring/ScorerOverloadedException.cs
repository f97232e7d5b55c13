namespace StreamingMarketing.Sentiment;

/// <summary>The scoring queue is full; the caller should back off (the HTTP layer answers 503).</summary>
public sealed class ScorerOverloadedException : Exception
{
    public ScorerOverloadedException(string message)
        : base(message)
    {
    }

    public ScorerOverloadedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
