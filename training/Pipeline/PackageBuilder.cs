using System.Globalization;
using Spectre.Console;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// Fits each task's chosen recipe on all of its data, writes the heads as ONNX (verified against the trainer) and
/// the manifest. The sentiment head is the package's main head; the others ride along under "heads".
/// </summary>
public static class PackageBuilder
{
    /// <summary>Training setting: how many feedback entries the package was trained with (serve retrains on growth).</summary>
    public const string FeedbackEntriesKey = "feedbackEntries";

    public static ModelManifest Build(IReadOnlyList<TrainedTask> tasks, string version, string output, SentenceEncoder encoder, int folds)
    {
        Directory.CreateDirectory(output);
        var heads = tasks.ToDictionary(t => t.Task, t => BuildHead(t, output), StringComparer.Ordinal);

        var sentiment = tasks[0];
        var manifest = new ModelManifest
        {
            Version = version,
            CreatedAt = DateTimeOffset.UtcNow,
            Labels = sentiment.Labels,
            Encoder = new EncoderReference(EncoderFiles.EncoderId, encoder.Sha256, "mean", Normalized: true, TextTokenizer.MaxTokens),
            Head = heads[sentiment.Task].Head,
            Validation = sentiment.Metrics,
            Data = sentiment.Data.Description,
            Training = new Dictionary<string, string>
            {
                ["recipe"] = sentiment.Chosen.Recipe.Spec,
                ["selection"] = $"best macro-recall of {sentiment.Variants.Count} recipes by {folds}-fold stratified cross-validation (seed {TrainingOptions.Seed})",
                [FeedbackEntriesKey] = sentiment.Data.FeedbackEntries.ToString(CultureInfo.InvariantCulture),
                ["export"] = "ONNX graph written directly (MatMul/Add/Relu/Softmax, opset 13), verified against the trainer with ONNX Runtime",
                ["extraHeadRecipes"] = string.Join("; ", tasks.Skip(1).Select(t => $"{t.Task}={t.Chosen.Recipe.Spec}")),
            },
            Heads = tasks.Count > 1 ? tasks.Skip(1).ToDictionary(t => t.Task, t => heads[t.Task], StringComparer.Ordinal) : null,
        };
        manifest.Write(output);
        ModelPackage.Verify(output);
        return manifest;
    }

    /// <summary>
    /// Fits a task's chosen recipe on all its data, writes and verifies its graph, and for a brand-safety head first
    /// chooses the complaint snippets' weight, then calibrates it (all on out-of-fold training data).
    /// </summary>
    public static TaskHead BuildHead(TrainedTask task, string output)
    {
        var weighting = "";
        if (task.Data.Definition.IsBrandSafety)
        {
            (task, weighting) = BrandSafetyCalibrator.ChooseComplaintWeight(task);
        }

        var recipe = task.Chosen.Recipe;
        var features = task.Validation.Features(recipe.Inputs);
        var model = recipe.Fit(features, task.Validation.Labels, task.Labels.Count, task.Validation.Weights);
        var reference = HeadExport.Write(model, Path.Combine(output, $"{task.Task}.onnx"), features, task.Task);
        var head = new TaskHead(task.Task, task.Labels, reference, task.Metrics);
        if (!task.Data.Definition.IsBrandSafety)
        {
            return head;
        }

        var (calibration, heldOut) = BrandSafetyCalibrator.Calibrate(task, model, weighting);
        var byKind = Enum.GetValues<SoberKind>().Select(kind => BrandSafetyCalibrator.HeldOutFlagRate(task, model, calibration, kind)).ToList();
        AnsiConsole.Write(HeldOutReport.Render(task.Task, calibration, heldOut, byKind));
        return head with { Calibration = calibration, HeldOut = heldOut };
    }
}
