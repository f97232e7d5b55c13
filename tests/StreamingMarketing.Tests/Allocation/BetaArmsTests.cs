using MathNet.Numerics;
using StreamingMarketing.Grains.Allocation;

namespace StreamingMarketing.Tests.Allocation;

public sealed class BetaArmsTests
{
    /// <summary>
    /// P(B beats A) for Beta posteriors in closed form (a sum over B's successes; Evan Miller, "Formulas for Bayesian A/B
    /// Testing", 2015): the quadrature must agree with it.
    /// </summary>
    private static double ClosedFormProbabilityBBeatsA(double alphaA, double betaA, double alphaB, double betaB)
    {
        var total = 0.0;
        for (var i = 0; i < (int)alphaB; i++)
        {
            total += Math.Exp(SpecialFunctions.BetaLn(alphaA + i, betaA + betaB) - Math.Log(betaB + i)
                - SpecialFunctions.BetaLn(1 + i, betaB) - SpecialFunctions.BetaLn(alphaA, betaA));
        }

        return total;
    }

    [Theory]
    [InlineData(1_000, 20, 1_000, 30)]
    [InlineData(40, 3, 12_000, 600)]
    [InlineData(100_000, 2_000, 100_000, 2_060)]
    [InlineData(0, 0, 10, 1)]
    public void Probability_best_of_two_arms_matches_the_closed_form(long trialsA, long successesA, long trialsB, long successesB)
    {
        var arms = new BetaArms([(trialsA, successesA), (trialsB, successesB)]);

        var expected = ClosedFormProbabilityBBeatsA(1 + successesA, 1 + trialsA - successesA, 1 + successesB, 1 + trialsB - successesB);
        Assert.Equal(expected, arms.ProbabilityBest[1], precision: 3);
        Assert.Equal(1.0, arms.ProbabilityBest.Sum(), precision: 12);
    }

    [Fact]
    public void Identical_arms_are_equally_likely_to_be_best()
    {
        var arms = new BetaArms([(5_000, 100), (5_000, 100), (5_000, 100)]);

        Assert.All(arms.ProbabilityBest, p => Assert.Equal(1.0 / 3, p, precision: 4));
    }

    [Theory]
    [InlineData(2, 2.0 / 3)]
    [InlineData(3, 3.0 / 4)]
    public void The_expected_maximum_of_uniform_priors_is_n_over_n_plus_one(int count, double expected)
    {
        var arms = new BetaArms([.. Enumerable.Repeat((0L, 0L), count)]);

        Assert.Equal(expected, arms.ExpectedMax, precision: 4);
    }

    [Fact]
    public void A_clear_winner_takes_nearly_all_the_probability_and_the_loss_of_serving_it_alone_is_near_zero()
    {
        var arms = new BetaArms([(50_000, 1_000), (50_000, 1_500)]);

        Assert.True(arms.ProbabilityBest[1] > 0.999999);
        Assert.True(arms.ExpectedLoss([0, 1]) < 1e-6);
        Assert.Equal(0.01, arms.ExpectedLoss([1, 0]), precision: 4);
    }

    [Fact]
    public void More_successes_than_trials_are_read_as_every_trial_a_success()
    {
        var arms = new BetaArms([(10, 50), (10, 10)]);

        Assert.Equal(arms.Mean(0), arms.Mean(1));
    }
}
