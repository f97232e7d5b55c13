using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.BrandSafety;

/// <summary>Platt scaling, the prior-shift correction and how the served score and flag use them.</summary>
public sealed class CalibrationTests
{
    private static readonly HeadCalibration Calibration = new("platt", 0.9, -0.8, BaseRate: 0.33, Threshold: 0.41, "test");

    private static readonly TaskHead Head = new(SentimentService.OffensiveTask, ["not-offensive", "offensive"],
        new HeadReference("offensive.onnx", "", "embedding", "probabilities"), null!, Calibration);

    [Fact]
    public void Platt_scaling_recovers_the_slope_and_intercept_that_generated_the_outcomes()
    {
        var random = new Random(5);
        var logOdds = Enumerable.Range(0, 20_000).Select(_ => (random.NextDouble() * 8) - 4).ToArray();
        var truth = logOdds.Select(z => random.NextDouble() < 1 / (1 + Math.Exp(-((2 * z) - 1)))).ToArray();

        var (slope, intercept) = PlattScaling.Fit(logOdds, truth);

        Assert.Equal(2, slope, 0.1);
        Assert.Equal(-1, intercept, 0.1);
    }

    [Fact]
    public void Prior_shift_moves_a_base_rate_probability_to_the_new_base_rate_and_keeps_the_order()
    {
        Assert.Equal(0.02, HeadCalibration.ShiftPrior(0.33, 0.33, 0.02), 9);
        Assert.Equal(0.7, HeadCalibration.ShiftPrior(0.7, 0.33, 0.33), 12);
        Assert.True(HeadCalibration.ShiftPrior(0.6, 0.33, 0.02) > HeadCalibration.ShiftPrior(0.5, 0.33, 0.02));
        Assert.True(HeadCalibration.ShiftPrior(0.6, 0.33, 0.02) < 0.6);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.55)]
    [InlineData(0.9)]
    public void A_deployment_base_rate_changes_the_score_but_not_the_flag(double raw)
    {
        var (atPackageRate, packageThreshold) = BrandSafetyScorer.Score(Head, raw, deploymentBaseRate: null);
        var (atDeploymentRate, deploymentThreshold) = BrandSafetyScorer.Score(Head, raw, deploymentBaseRate: 0.02);

        Assert.Equal(Calibration.Calibrate(raw), atPackageRate, 12);
        Assert.Equal(Calibration.Threshold, packageThreshold);
        Assert.True(atDeploymentRate < atPackageRate);
        Assert.Equal(atPackageRate >= packageThreshold, atDeploymentRate >= deploymentThreshold);
    }

    [Fact]
    public void A_package_without_calibration_serves_the_raw_probability_at_one_half()
    {
        Assert.Equal((0.7, 0.5), BrandSafetyScorer.Score(Head with { Calibration = null }, 0.7, deploymentBaseRate: 0.02));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.1)]
    public void A_base_rate_outside_zero_to_one_is_refused(double baseRate)
    {
        var options = new SentimentOptions { BrandSafety = new BrandSafetyOptions { OffensiveBaseRate = baseRate } };

        var refused = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("OffensiveBaseRate", refused.Message, StringComparison.Ordinal);
    }
}
