namespace StreamingMarketing.Training;

/// <summary>One recipe's cross-validated result.</summary>
public sealed record VariantResult(HeadRecipe Recipe, StreamingMarketing.Sentiment.ValidationMetrics Metrics, TimeSpan Elapsed);

/// <summary>Cross-validates every candidate recipe on the same folds and picks the best macro-recall.</summary>
public static class HeadSelection
{
    /// <summary>Scores the first <paramref name="scoredRows"/> rows (all when null): the task's own examples, not the hard negatives appended after them.</summary>
    public static IReadOnlyList<VariantResult> Evaluate(CrossValidation validation, IReadOnlyList<HeadRecipe> candidates, IReadOnlyList<string> labels, string method, int? scoredRows = null, Action<VariantResult>? progress = null)
    {
        var rows = scoredRows ?? validation.Labels.Count;
        var results = new List<VariantResult>();
        foreach (var recipe in candidates)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var probabilities = validation.OutOfFold(recipe);
            var metrics = ClassificationReport.Compute(method, labels, validation.Labels.Take(rows).ToArray(), probabilities.Take(rows).Select(CrossValidation.ArgMax).ToArray());
            var result = new VariantResult(recipe, metrics, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            results.Add(result);
            progress?.Invoke(result);
        }

        return results;
    }

    /// <summary>The best macro-recall; ties go to the earlier (simpler) candidate.</summary>
    public static VariantResult Best(IReadOnlyList<VariantResult> results) =>
        results.Aggregate((best, next) => next.Metrics.MacroRecall > best.Metrics.MacroRecall ? next : best);
}
