using StreamingMarketing.Benchmarks.Alerts;
using StreamingMarketing.Benchmarks.Forecast;
using StreamingMarketing.Grains.Insights.Alerts;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Insights;

/// <summary>The bar on NAB's labeled tweet series, and NAB's scoring rules on hand-made detections.</summary>
public sealed class NabAlertTests
{
    private static readonly string DataDir = Path.Combine(RepositoryPaths.Root, "data", "nab-tweets");

    [Fact]
    public void The_anomaly_rule_catches_as_many_labeled_windows_as_the_spike_rule_with_far_fewer_false_alerts()
    {
        var rules = EffectiveRules.Resolve(null, null);
        var anomaly = new List<NabScore.Result>();
        var spike = new List<NabScore.Result>();
        foreach (var name in NabSeries.Names)
        {
            var nab = NabSeries.Load(DataDir, name);
            var windows = nab.Windows.Select(w => (nab.FiveMinutes.FindIndex(r => r.Time >= w.Start), nab.FiveMinutes.FindLastIndex(r => r.Time <= w.End))).ToList();
            var detections = AlertReplay.Run(nab, rules);
            anomaly.Add(NabScore.Score(nab.FiveMinutes.Count, windows, detections.Anomaly));
            spike.Add(NabScore.Score(nab.FiveMinutes.Count, windows, detections.Spike));
        }

        var windowCount = anomaly.Sum(r => r.Windows);
        Assert.True(anomaly.Sum(r => r.Caught) >= spike.Sum(r => r.Caught), $"caught {anomaly.Sum(r => r.Caught)} of {windowCount}, the spike rule {spike.Sum(r => r.Caught)}");
        Assert.True(anomaly.Sum(r => r.FalseAlerts) * 10 < spike.Sum(r => r.FalseAlerts), $"{anomaly.Sum(r => r.FalseAlerts)} against {spike.Sum(r => r.FalseAlerts)}");
        Assert.True(NabScore.Normalised(anomaly.Sum(r => r.Raw), windowCount) > NabScore.Normalised(spike.Sum(r => r.Raw), windowCount));
    }

    [Fact]
    public void A_detection_early_in_a_window_earns_most_a_missed_window_costs_one_and_a_false_alert_a_little()
    {
        (int, int)[] windows = [(2_000, 2_099), (5_000, 5_099)];

        var early = NabScore.Score(10_000, windows, [2_000, 5_000]);
        var late = NabScore.Score(10_000, windows, [2_099, 5_099]);
        var none = NabScore.Score(10_000, windows, []);
        var falseAlert = NabScore.Score(10_000, windows, [1_000]);
        var inProbation = NabScore.Score(10_000, windows, [10]);

        Assert.Equal(2 * 0.9866, early.Raw, 3);
        Assert.True(late.Raw is > 0 and < 0.2, $"{late.Raw}");
        Assert.Equal(-2, none.Raw);
        Assert.Equal(-2.11, falseAlert.Raw, 6);
        Assert.Equal((1, 0), (falseAlert.FalseAlerts, falseAlert.Caught));
        Assert.Equal(-2, inProbation.Raw);
        Assert.Equal(100, NabScore.Normalised(early.Raw, 2), 6);
        Assert.Equal(0, NabScore.Normalised(none.Raw, 2), 6);
    }
}
