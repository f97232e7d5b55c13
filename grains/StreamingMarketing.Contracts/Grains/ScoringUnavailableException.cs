namespace StreamingMarketing.Contracts.Grains;

/// <summary>
/// The scorer cannot take the request now: its queue is full or no model is loaded. Gateways answer 503; the event
/// pipeline applies the texts as unscored. Defined here so that clients without the sentiment library can catch it.
/// </summary>
[GenerateSerializer]
public sealed class ScoringUnavailableException : Exception
{
    public ScoringUnavailableException()
    {
    }

    public ScoringUnavailableException(string message) : base(message)
    {
    }

    public ScoringUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
