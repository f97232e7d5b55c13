using StreamingMarketing.Training;
using StreamingMarketing.Training.FineTuning;

namespace StreamingMarketing.Sentiment.Tests.FineTuning;

public sealed class FineTuneGateTests
{
    private static readonly ModelManifest Serving = ModelManifest.Read(Packages.NewestShipped);

    [Theory]
    [InlineData(0.70, 0.69, true)]
    [InlineData(0.69, 0.69, false)]
    [InlineData(0.65, 0.69, false)]
    public void A_candidate_must_beat_the_serving_model_on_the_same_validation_tweets(double candidate, double serving, bool publish)
    {
        var decision = FineTuneGate.Decide(Metrics(candidate), Serving, Metrics(serving), force: false);

        Assert.Equal(publish, decision.Publish);
    }

    [Fact]
    public void Without_a_serving_measurement_only_force_publishes()
    {
        Assert.False(FineTuneGate.Decide(Metrics(0.9), Serving, null, force: false).Publish);
        Assert.True(FineTuneGate.Decide(Metrics(0.1), Serving, null, force: true).Publish);
        Assert.True(FineTuneGate.Decide(Metrics(0.1), null, null, force: false).Publish);
    }

    [Fact]
    public void The_schedule_warms_up_linearly_then_decays_to_zero()
    {
        var schedule = WarmupLinearSchedule.For(100, 0.1);

        Assert.Equal(0.1, schedule.Factor(0), 6);
        Assert.Equal(1.0, schedule.Factor(9), 6);
        Assert.Equal(0.5, schedule.Factor(55), 6);
        Assert.Equal(0.0, schedule.Factor(100), 6);
    }

    private static ValidationMetrics Metrics(double macroRecall) =>
        new("test", 100, macroRecall, macroRecall, macroRecall, new Dictionary<string, double>(), []);
}
