namespace StreamingMarketing.Sentiment;

/// <summary>
/// How a model scored on data it was not fitted on. Macro-recall is TweetEval's sentiment metric; accuracy and
/// macro-F1 are reported beside it. <see cref="ConfusionMatrix"/> rows are true labels, columns predictions.
/// </summary>
public sealed record ValidationMetrics(
    string Method,
    int Examples,
    double MacroRecall,
    double Accuracy,
    double MacroF1,
    IReadOnlyDictionary<string, double> PerClassRecall,
    IReadOnlyList<IReadOnlyList<int>> ConfusionMatrix);
