using System.Globalization;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// A brand-safety head's complaint weighting, calibration, threshold and held-out measurement. All of it is chosen
/// on the chosen recipe's out-of-fold probabilities of the training data (tweets for Platt scaling, so the probability
/// holds at the tweets' base rate; tweets and sober hard negatives for the threshold and the weight). The fitted head
/// is then measured, at that threshold, on the test split and the held-out sober snippets: data no step saw.
/// </summary>
public static class BrandSafetyCalibrator
{
    /// <summary>
    /// Loss weights tried for the complaint snippets (sentences of negative Amazon reviews) against 1 for every other
    /// row. Complaints are the sober text a brand sees most and the one a sentence encoder confuses with hostile
    /// tweets ("terrible", "useless"), yet they are a fifth of the hard negatives and a sixteenth of the negative class.
    /// </summary>
    public static readonly IReadOnlyList<float> ComplaintWeights = [1f, 2f, 4f, 8f];

    /// <summary>
    /// The task refitted at the complaint weight whose out-of-fold operating point (<see cref="OperatingPoint"/>) has
    /// the best macro-F1 on the tweets; ties go to the smaller weight. Out-of-fold only: the test split and the
    /// held-out sober snippets play no part.
    /// </summary>
    public static (TrainedTask Task, string Choice) ChooseComplaintWeight(TrainedTask task)
    {
        if (task.Data.HardNegativeSnippets is null)
        {
            return (task, "");
        }

        var recipe = task.Chosen.Recipe;
        var tried = new List<(float Weight, CrossValidation Validation, double Threshold, double MacroF1)>();
        foreach (var weight in ComplaintWeights)
        {
            var validation = task.Validation.WithWeights(task.Data.RowWeights(weight));
            var (calibration, macroF1) = OutOfFoldOperatingPoint(task, validation, recipe);
            tried.Add((weight, validation, calibration.Threshold, macroF1));
        }

        var best = tried.Aggregate((a, b) => b.MacroF1 > a.MacroF1 ? b : a);
        var rows = task.Data.TaskRows;
        var oof = best.Validation.OutOfFold(recipe);
        var metrics = ClassificationReport.Compute(task.Chosen.Metrics.Method, task.Labels,
            best.Validation.Labels.Take(rows).ToArray(), oof.Take(rows).Select(CrossValidation.ArgMax).ToArray());
        var choice = string.Join(", ", tried.Select(t => string.Create(CultureInfo.InvariantCulture,
            $"{t.Weight:G}: threshold {t.Threshold:F2}, macro-F1 {t.MacroF1:F4}")));
        return (task with { Validation = best.Validation, Chosen = task.Chosen with { Metrics = metrics } },
            string.Create(CultureInfo.InvariantCulture, $"complaint snippets weighted {best.Weight:G} (out-of-fold operating point by weight: {choice})"));
    }

    public static (HeadCalibration Calibration, HeldOutEvaluation HeldOut) Calibrate(TrainedTask task, HeadModel model, string weighting = "")
    {
        var heldOut = task.HeldOut ?? throw new InvalidOperationException($"The {task.Task} head has no held-out embeddings.");
        var texts = task.Data.HeldOut!;
        var rows = task.Data.TaskRows;
        var (provisional, _) = OutOfFoldOperatingPoint(task, task.Validation, task.Chosen.Recipe);
        var calibration = provisional with
        {
            FittedOn = $"out-of-fold scores of the {rows} training tweets ({task.Validation.FoldCount}-fold CV, sober snippets folded by document); threshold: best out-of-fold macro-F1 "
                + $"flagging at most {OperatingPoint.MaxSoberFlagRate:P0} of each kind of the {task.Data.HardNegatives} out-of-fold sober hard negatives (editorials, complaints)"
                + (weighting.Length > 0 ? $"; {weighting}" : ""),
        };

        var inputs = task.Chosen.Recipe.Inputs;
        var test = model.Predict(FeatureSet.Build(heldOut.Test, texts.TestTexts, inputs)).Select(p => calibration.Calibrate(p[1])).ToArray();
        var sober = model.Predict(FeatureSet.Build(heldOut.Sober, texts.SoberTexts, inputs)).Select(p => calibration.Calibrate(p[1])).ToArray();
        return (calibration, new HeldOutEvaluation(
            BinaryMetrics.Compute($"{texts.TestSource} (never trained or calibrated on)", texts.TestLabels.Select(l => l == 1).ToArray(), test, calibration.Threshold),
            FlagRate.Compute($"{SoberText.Description}, held-out half (split by document)", sober, calibration.Threshold)));
    }

    /// <summary>The held-out sober flag rate of one kind, for the report.</summary>
    public static FlagRate HeldOutFlagRate(TrainedTask task, HeadModel model, HeadCalibration calibration, SoberKind kind)
    {
        var texts = task.Data.HeldOut!;
        var rows = Enumerable.Range(0, texts.SoberTexts.Count).Where(i => texts.SoberKinds[i] == kind).ToArray();
        var features = FeatureSet.Build(rows.Select(i => task.HeldOut!.Sober[i]).ToArray(), rows.Select(i => texts.SoberTexts[i]).ToArray(), task.Chosen.Recipe.Inputs);
        return FlagRate.Compute($"held-out {kind.ToString().ToLowerInvariant()} snippets", model.Predict(features).Select(p => calibration.Calibrate(p[1])).ToArray(), calibration.Threshold);
    }

    /// <summary>Platt scaling on the tweets' out-of-fold log-odds and the threshold <see cref="OperatingPoint"/> picks on the out-of-fold scores.</summary>
    private static (HeadCalibration Calibration, double MacroF1) OutOfFoldOperatingPoint(TrainedTask task, CrossValidation validation, HeadRecipe recipe)
    {
        var rows = task.Data.TaskRows;
        var outOfFold = validation.OutOfFold(recipe).Select(p => (double)p[1]).ToArray();
        var truth = validation.Labels.Take(rows).Select(l => l == 1).ToArray();
        var (slope, intercept) = PlattScaling.Fit(outOfFold.Take(rows).Select(LogOdds).ToArray(), truth);
        var baseRate = Math.Round(truth.Count(t => t) / (double)rows, 4);
        var provisional = new HeadCalibration("platt", slope, intercept, baseRate, 0.5, "");
        var kinds = task.Data.HardNegativeSnippets?.Select(s => s.Kind).ToArray();
        var (threshold, macroF1) = OperatingPoint.Choose(
            outOfFold.Take(rows).Select(provisional.Calibrate).ToArray(), truth, outOfFold.Skip(rows).Select(provisional.Calibrate).ToArray(), kinds);
        return (provisional with { Threshold = threshold }, macroF1);
    }

    private static double LogOdds(double p)
    {
        p = Math.Clamp(p, 1e-7, 1 - 1e-7);
        return Math.Log(p / (1 - p));
    }
}
