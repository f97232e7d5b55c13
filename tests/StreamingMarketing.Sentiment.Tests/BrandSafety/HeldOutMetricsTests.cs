using StreamingMarketing.Training;

namespace StreamingMarketing.Sentiment.Tests.BrandSafety;

/// <summary>
/// The shipped package's brand-safety numbers, recomputed: every text of the OLID (offensive) and HatEval (hate)
/// test splits and of the held-out sober snippets goes through the real encoder and the served heads and is
/// flagged at the manifest's threshold. None of these texts was trained or calibrated on, and the recomputed
/// numbers must be the ones the manifest (and the README) state.
/// </summary>
public sealed class HeldOutMetricsTests(NewestPackageScorerFixture fixture) : IClassFixture<NewestPackageScorerFixture>
{
    /// <summary>The product's promise for text that is never an insult (issue #20).</summary>
    private const double MaxSoberFlagRate = 0.03;

    /// <summary>
    /// Training embeds in batches of 64 and serving in batches of 32; padding differs, so a text on the threshold
    /// may land on the other side. One flipped text of 860 moves macro-F1 by about 0.001.
    /// </summary>
    private const double Tolerance = 0.005;

    [Theory]
    [InlineData(SentimentService.OffensiveTask, "tweeteval/offensive_test.tsv")]
    [InlineData(SentimentService.HateTask, "tweeteval/hate_test.tsv")]
    public async Task Test_split_metrics_at_the_documented_threshold_are_the_recorded_ones(string task, string testFile)
    {
        var head = fixture.Manifest.Heads![task];
        var test = LabeledText.ReadTsv(Path.Combine(NewestPackageScorerFixture.Datasets, testFile));

        var scores = Scores(task, await fixture.ScoreAsync(test.Select(e => e.Text).ToList()));
        var measured = BinaryMetrics.Compute(testFile, test.Select(e => e.Label == task).ToList(), scores, head.Calibration!.Threshold);

        var recorded = head.HeldOut!.Test;
        Assert.Equal(recorded.Examples, measured.Examples);
        Assert.Equal(recorded.Positives, measured.Positives);
        Assert.Equal(recorded.MacroF1, measured.MacroF1, Tolerance);
        Assert.Equal(recorded.Precision, measured.Precision, Tolerance);
        Assert.Equal(recorded.Recall, measured.Recall, Tolerance);
    }

    [Theory]
    [InlineData(SentimentService.OffensiveTask)]
    [InlineData(SentimentService.HateTask)]
    public async Task Held_out_sober_text_is_rarely_flagged(string task)
    {
        var head = fixture.Manifest.Heads![task];

        var measured = FlagRate.Compute("sober", Scores(task, await fixture.SoberPredictions), head.Calibration!.Threshold);

        Assert.Equal(head.HeldOut!.SoberText.Examples, measured.Examples);
        Assert.Equal(head.HeldOut.SoberText.Rate, measured.Rate, Tolerance);
        Assert.InRange(measured.Rate, 0, MaxSoberFlagRate);
    }

    private static List<double> Scores(string task, IReadOnlyList<SentimentPrediction> predictions) =>
        predictions.Select(p => task == SentimentService.OffensiveTask ? p.BrandSafety!.Offensive : p.BrandSafety!.Hate).ToList();
}
