namespace StreamingMarketing.Sentiment;

/// <summary>
/// Turns a brand-safety head's raw probability into the served one: calibrated by the package's Platt scaling,
/// then moved to the deployment's base rate (<see cref="BrandSafetyOptions"/>), with the documented threshold
/// moved the same way so the flag keeps the operating point whose precision and recall the manifest records.
/// </summary>
public static class BrandSafetyScorer
{
    /// <summary>Used by packages that predate calibration: the raw probability and the classifier's own 0.5.</summary>
    public const double UncalibratedThreshold = 0.5;

    public static (double Probability, double Threshold) Score(TaskHead head, double rawPositive, double? deploymentBaseRate)
    {
        if (head.Calibration is not { } calibration)
        {
            return (rawPositive, UncalibratedThreshold);
        }

        var calibrated = calibration.Calibrate(rawPositive);
        if (deploymentBaseRate is not { } baseRate)
        {
            return (calibrated, calibration.Threshold);
        }

        return (HeadCalibration.ShiftPrior(calibrated, calibration.BaseRate, baseRate),
            HeadCalibration.ShiftPrior(calibration.Threshold, calibration.BaseRate, baseRate));
    }
}
