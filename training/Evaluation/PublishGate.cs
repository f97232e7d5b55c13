using System.Globalization;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>The gate's verdict, with the serving model's score on the candidate's protocol when it could be measured.</summary>
public sealed record GateDecision(bool Publish, string Reason, ValidationMetrics? Serving);

/// <summary>
/// Publish only what beats the serving model on the same protocol: the serving model's recipe is re-run on the
/// candidate's data and cross-validation folds, and the candidate must have a strictly higher sentiment
/// macro-recall. Comparing against the macro-recall recorded in the serving manifest would compare different
/// data (feedback grows) or folds. <c>--force</c> bypasses the gate.
/// </summary>
public static class PublishGate
{
    public static GateDecision Decide(ValidationMetrics candidate, ModelManifest? serving, CrossValidation validation, IReadOnlyList<string> labels, bool force)
    {
        if (serving is null)
        {
            return new GateDecision(true, "no model is serving yet", null);
        }

        var recipe = RecipeOf(serving);
        ValidationMetrics? replay = null;
        if (recipe is not null)
        {
            var predicted = validation.OutOfFold(recipe).Select(CrossValidation.ArgMax).ToArray();
            replay = ClassificationReport.Compute($"{serving.Version}'s recipe re-run on the candidate's folds", labels, validation.Labels, predicted);
        }

        if (force)
        {
            return new GateDecision(true, "--force bypasses the gate", replay);
        }

        if (replay is null)
        {
            return new GateDecision(false, $"{serving.Version} records no recipe to re-run on the same folds; compare with 'evaluate' and publish with --force", null);
        }

        return candidate.MacroRecall > replay.MacroRecall
            ? new GateDecision(true, $"macro-recall {candidate.MacroRecall:F4} beats {serving.Version}'s {replay.MacroRecall:F4} on the same folds", replay)
            : new GateDecision(false, $"macro-recall {candidate.MacroRecall:F4} does not beat {serving.Version}'s {replay.MacroRecall:F4} on the same folds (use --force to publish anyway)", replay);
    }

    /// <summary>The recipe a manifest was trained with; sentiment-v1 predates recipes and records its trainer settings.</summary>
    public static HeadRecipe? RecipeOf(ModelManifest manifest)
    {
        if (manifest.Training.TryGetValue("recipe", out var spec))
        {
            return HeadRecipe.Parse(spec);
        }

        if (manifest.Training.TryGetValue("trainer", out var trainer) && trainer.Contains("LbfgsMaximumEntropy", StringComparison.Ordinal)
            && manifest.Training.TryGetValue("l2Regularization", out var l2) && manifest.Training.TryGetValue("l1Regularization", out var l1))
        {
            return new LogisticRecipe(float.Parse(l2, CultureInfo.InvariantCulture), float.Parse(l1, CultureInfo.InvariantCulture), Reads: default);
        }

        return null;
    }
}
