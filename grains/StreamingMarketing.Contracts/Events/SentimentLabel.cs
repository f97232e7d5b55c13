namespace StreamingMarketing.Contracts.Events;

/// <summary>Sentiment attached to an event once scored; <see cref="Unscored"/> when it had no text or scoring failed.</summary>
public enum SentimentLabel : byte
{
    Unscored = 0,
    Negative = 1,
    Neutral = 2,
    Positive = 3,
}

/// <summary>The most likely emotion of a scored text; <see cref="None"/> when the model has no emotion head.</summary>
public enum EmotionLabel : byte
{
    None = 0,
    Anger = 1,
    Joy = 2,
    Optimism = 3,
    Sadness = 4,
}

/// <summary>Brand-safety heads whose probability reached 0.5 for a text.</summary>
[Flags]
public enum BrandSafetyFlags : byte
{
    None = 0,
    Offensive = 1,
    Hate = 2,
}

/// <summary>A scored label with its score, p(positive) − p(negative), and what the extra heads said.</summary>
[GenerateSerializer, Immutable]
public readonly record struct SentimentScore([property: Id(0)] SentimentLabel Label, [property: Id(1)] float Score)
{
    public static readonly SentimentScore None = new(SentimentLabel.Unscored, 0);

    [Id(2)] public EmotionLabel Emotion { get; init; }

    [Id(3)] public BrandSafetyFlags BrandSafety { get; init; }

    public bool IsScored => Label != SentimentLabel.Unscored;
}
