using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// A brand-safety head's calibration, threshold and held-out measurement. Calibration and threshold come from the
/// chosen recipe's out-of-fold probabilities on the training data (tweets for Platt scaling, so the probability
/// holds at the tweets' base rate; tweets and sober hard negatives for the threshold). The fitted head is then
/// measured, at that threshold, on the test split and the held-out sober snippets: data that neither step saw.
/// </summary>
public static class BrandSafetyCalibrator
{
    public static (HeadCalibration Calibration, HeldOutEvaluation HeldOut) Calibrate(TrainedTask task, HeadModel model)
    {
        var heldOut = task.HeldOut ?? throw new InvalidOperationException($"The {task.Task} head has no held-out embeddings.");
        var texts = task.Data.HeldOut!;
        var rows = task.Data.TaskRows;
        var outOfFold = task.Validation.OutOfFold(task.Chosen.Recipe).Select(p => (double)p[1]).ToArray();
        var truth = task.Validation.Labels.Take(rows).Select(l => l == 1).ToArray();

        var tweetLogOdds = outOfFold.Take(rows).Select(LogOdds).ToArray();
        var (slope, intercept) = PlattScaling.Fit(tweetLogOdds, truth);
        var baseRate = Math.Round(truth.Count(t => t) / (double)rows, 4);
        var provisional = new HeadCalibration("platt", slope, intercept, baseRate, 0.5, "");
        var threshold = OperatingPoint.Choose(
            outOfFold.Take(rows).Select(provisional.Calibrate).ToArray(), truth, outOfFold.Skip(rows).Select(provisional.Calibrate).ToArray());
        var calibration = provisional with
        {
            Threshold = threshold,
            FittedOn = $"out-of-fold scores of the {rows} training tweets ({task.Validation.FoldCount}-fold CV); threshold: best out-of-fold macro-F1 "
                + $"flagging at most {OperatingPoint.MaxSoberFlagRate:P0} of the {task.Data.HardNegatives} out-of-fold sober hard negatives",
        };

        var usesLexicon = task.Chosen.Recipe.UsesLexicon;
        var test = model.Predict(FeatureSet.Build(heldOut.Test, texts.TestTexts, usesLexicon)).Select(p => calibration.Calibrate(p[1])).ToArray();
        var sober = model.Predict(FeatureSet.Build(heldOut.Sober, texts.SoberTexts, usesLexicon)).Select(p => calibration.Calibrate(p[1])).ToArray();
        return (calibration, new HeldOutEvaluation(
            BinaryMetrics.Compute($"{texts.TestSource} (never trained or calibrated on)", texts.TestLabels.Select(l => l == 1).ToArray(), test, threshold),
            FlagRate.Compute($"{SoberText.Description}, held-out half (split by document)", sober, threshold)));
    }

    private static double LogOdds(double p)
    {
        p = Math.Clamp(p, 1e-7, 1 - 1e-7);
        return Math.Log(p / (1 - p));
    }
}
