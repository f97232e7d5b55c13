namespace StreamingMarketing.Sentiment;

/// <summary>
/// One text's scores from one encoder pass: the most likely sentiment label and <c>Score</c> = p(positive) −
/// p(negative); <see cref="Emotion"/> and <see cref="BrandSafety"/> when the serving package carries those heads.
/// </summary>
public sealed record SentimentPrediction(
    string Label,
    double Score,
    SentimentProbabilities Probabilities,
    EmotionPrediction? Emotion = null,
    BrandSafetyPrediction? BrandSafety = null);

public sealed record SentimentProbabilities(double Negative, double Neutral, double Positive);

/// <summary>The most likely of anger, joy, optimism, sadness and each one's probability.</summary>
public sealed record EmotionPrediction(string Label, IReadOnlyDictionary<string, double> Probabilities);

/// <summary>
/// p(offensive) and p(hate) from two binary heads (TweetEval offensive and hate), calibrated (at the deployment's
/// base rate when configured), and each head's documented threshold: a text counts as offensive (hateful) at
/// p ≥ threshold. Packages without calibration serve the raw probability with 0.5.
/// </summary>
public sealed record BrandSafetyPrediction(double Offensive, double Hate, double OffensiveThreshold = 0.5, double HateThreshold = 0.5)
{
    /// <summary>The flag brand-safety counts and alerts read: the offensive head's documented operating point.</summary>
    public bool IsOffensive => Offensive >= OffensiveThreshold;

    /// <summary>The flag brand-safety counts and alerts read: the hate head's documented operating point.</summary>
    public bool IsHate => Hate >= HateThreshold;
}
