using Xunit.Abstractions;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Grains.Experiments;

namespace StreamingMarketing.Tests.Experiments;

/// <summary>The variants test against simulated traffic read every "minute" (1,000 impressions) and against known values.</summary>
public sealed class SequentialTestTests(ITestOutputHelper output)
{
    private const long Impressions = 200_000;
    private const int Step = 1_000;
    private const int Runs = 300;

    [Fact]
    public void An_AA_test_watched_every_minute_declares_a_difference_no_more_often_than_alpha()
    {
        var runs = new PeekingSimulation(0.02, 0.02, seed: 11).Many(Runs, Impressions, Step, PeekingSimulation.SequentialVerdict);

        var falsePositiveRate = runs.Count(r => r.FirstVerdict is not null) / (double)Runs;

        output.WriteLine($"sequential A/A false-positive rate {falsePositiveRate:P1}");
        // 300 runs: at the nominal 5% the count is 15 ± 3.8, so this fails for a test that leaks past α under peeking.
        Assert.True(falsePositiveRate <= VariantTestRules.Alpha, $"false-positive rate {falsePositiveRate:P1}");
    }

    [Fact]
    public void The_same_AA_test_read_as_a_fixed_sample_z_test_at_every_peek_cries_wolf_far_more_often()
    {
        var runs = new PeekingSimulation(0.02, 0.02, seed: 11).Many(Runs, Impressions, Step, PeekingSimulation.NaiveVerdict);

        var falsePositiveRate = runs.Count(r => r.FirstVerdict is not null) / (double)Runs;

        output.WriteLine($"naive peeked A/A false-positive rate {falsePositiveRate:P1}");
        // The simulation can see the peeking problem: the sequential test's bound above is not met by accident.
        Assert.True(falsePositiveRate > 3 * VariantTestRules.Alpha, $"false-positive rate {falsePositiveRate:P1}");
    }

    [Fact]
    public void A_real_lift_of_thirty_percent_in_ctr_is_found_within_the_expected_sample_with_an_interval_holding_it()
    {
        var runs = new PeekingSimulation(0.020, 0.026, seed: 7).Many(100, Impressions, Step, PeekingSimulation.SequentialVerdict);

        var expected = ExpectedImpressionsToDeclare(0.020, 0.026);
        var found = runs.Where(r => r.FirstVerdict == "better").ToList();
        var median = found.Select(r => r.ImpressionsAtVerdict).Order().ElementAt(found.Count / 2);
        var covered = runs.Count(r => r.FinalRelativeLow <= 0.3 && 0.3 <= r.FinalRelativeHigh);

        output.WriteLine($"found {found.Count}/100, median at {median} impressions (expected {expected}), {covered}/100 intervals hold 0.3");
        Assert.Equal(runs.Count, found.Count);
        Assert.DoesNotContain(runs, r => r.FirstVerdict == "worse");
        Assert.InRange(median, expected / 2, expected * 2);
        Assert.True(covered >= 95, $"{covered} of 100 intervals hold the true lift");
    }

    [Fact]
    public void The_confidence_sequence_edge_is_exactly_where_the_likelihood_ratio_reaches_one_over_alpha()
    {
        var test = new MixtureSprt(tau: 0.1, alpha: 0.05);
        const double variance = 0.001;

        var radius = test.Radius(variance);

        Assert.Equal(Math.Log(20), test.LogLikelihoodRatio(radius, variance), precision: 9);
        Assert.True(test.Rejects(radius * 1.001, variance));
        Assert.False(test.Rejects(radius * 0.999, variance));
        Assert.Equal(1, test.SampleMultiplier(radius * 1.001, variance));
        Assert.Equal(4, test.SampleMultiplier(test.Radius(variance / 4), variance)!.Value, precision: 4);
    }

    [Theory]
    // The Jeffreys interval is the Beta(x + ½, n − x + ½) quantiles; for large n it meets the normal interval p ± 1.96·√(p(1−p)/n).
    [InlineData(2_000, 100_000, 0.019140, 0.020878)]
    [InlineData(500, 1_000, 0.468883, 0.531117)]
    public void A_variant_rate_interval_matches_the_normal_interval_where_that_is_accurate(long successes, long trials, double low, double high)
    {
        var interval = RateInterval.Jeffreys(successes, trials)!;

        Assert.Equal(low, interval.Low, tolerance: 3e-4);
        Assert.Equal(high, interval.High, tolerance: 3e-4);
    }

    [Fact]
    public void A_variant_without_clicks_has_an_interval_from_zero_and_one_without_impressions_has_none()
    {
        var none = RateInterval.Jeffreys(0, 0);
        var zero = RateInterval.Jeffreys(0, 1_000)!;

        Assert.Null(none);
        Assert.Equal(0, zero.Low);
        // Jeffreys' upper 97.5% bound for 0 of 1,000: Beta(0.5, 1000.5) quantile ≈ 0.0025 (below the rule of three's 0.003).
        Assert.InRange(zero.High, 0.0020, 0.0030);
    }

    /// <summary>Impressions (both arms) at which the expected log-ratio estimate crosses the threshold.</summary>
    private static long ExpectedImpressionsToDeclare(double q, double p)
    {
        const long perArm = 1_000;
        var variance = ((1 - p) / (p * perArm)) + ((1 - q) / (q * perArm));
        var k = new MixtureSprt(VariantTestRules.Tau, VariantTestRules.Alpha).SampleMultiplier(Math.Log(p / q), variance)!.Value;
        return (long)(k * 2 * perArm);
    }
}
