using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Trends;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>
/// Reads an alert's drivers when it opens: per kind, the few items whose recent count rose most above what their own
/// baseline predicts. Items that did not rise are left out, so an empty list means nothing of that kind stood out.
/// </summary>
public static class AlertDriverReader
{
    public static AlertDrivers Read(string rule, TrendState trends, DriverSketches sketches, DateTime now)
    {
        var window = (int)DriverSketches.Window;
        var negative = rule is AlertRuleNames.NegativeSentiment or AlertRuleNames.NegativeAnomaly;
        return new AlertDrivers
        {
            Window = DriverSketches.Window.ToName(),
            Basis = negative ? AlertDriverBasis.NegativeTexts : AlertDriverBasis.Events,
            Hashtags = Risen(trends.Hashtags[window], now),
            Keywords = Risen(negative ? sketches.NegativeKeywords : trends.Keywords[window], now),
            Authors = Risen(negative ? sketches.NegativeAuthors : sketches.Authors, now),
            Platforms = Risen(negative ? sketches.NegativePlatforms : sketches.Platforms, now),
            Posts = Risen(sketches.Posts, now),
        };
    }

    private static List<TrendingItem> Risen(BurstSketch sketch, DateTime now) =>
        [.. sketch.Top(AlertDrivers.MaxPerKind, now).Where(i => i.Burst > 0)];
}
