namespace StreamingMarketing.Contracts.Events;

/// <summary>Sentiment attached to an event once scored; <see cref="Unscored"/> when it had no text or scoring failed.</summary>
public enum SentimentLabel : byte
{
    Unscored = 0,
    Negative = 1,
    Neutral = 2,
    Positive = 3,
}

/// <summary>A scored label with its score, p(positive) − p(negative).</summary>
[GenerateSerializer, Immutable]
public readonly record struct SentimentScore([property: Id(0)] SentimentLabel Label, [property: Id(1)] float Score)
{
    public static readonly SentimentScore None = new(SentimentLabel.Unscored, 0);

    public bool IsScored => Label != SentimentLabel.Unscored;
}
