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

/// <summary>p(offensive) and p(hate) from two binary heads (TweetEval offensive and hate).</summary>
public sealed record BrandSafetyPrediction(double Offensive, double Hate);
