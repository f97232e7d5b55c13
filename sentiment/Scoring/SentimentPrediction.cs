namespace StreamingMarketing.Sentiment;

/// <summary>One text's sentiment: the most likely label and <c>Score</c> = p(positive) − p(negative).</summary>
public sealed record SentimentPrediction(string Label, double Score, SentimentProbabilities Probabilities);

public sealed record SentimentProbabilities(double Negative, double Neutral, double Positive);
