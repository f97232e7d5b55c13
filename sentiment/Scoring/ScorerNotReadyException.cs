namespace StreamingMarketing.Sentiment;

/// <summary>No model has been loaded yet (registry unreachable or every package refused); answer 503.</summary>
public sealed class ScorerNotReadyException : Exception
{
    public ScorerNotReadyException(string message)
        : base(message)
    {
    }

    public ScorerNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
