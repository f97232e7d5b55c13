using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Trends;

/// <summary>One <see cref="BurstSketch"/> per trend window, for hashtags and for text keywords.</summary>
[GenerateSerializer]
public sealed class TrendState
{
    /// <summary>
    /// (recent, baseline) time constants per <see cref="TrendWindow"/>. The baseline spans 24 windows for the short
    /// windows (a quarter-hour against the last six hours, an hour against the last day) and a week for the day.
    /// </summary>
    public static readonly (TimeSpan Recent, TimeSpan Baseline)[] TimeConstants =
    [
        (TimeSpan.FromMinutes(15), TimeSpan.FromHours(6)),
        (TimeSpan.FromHours(1), TimeSpan.FromHours(24)),
        (TimeSpan.FromHours(24), TimeSpan.FromDays(7)),
    ];

    [Id(0)] public BurstSketch[] Hashtags { get; set; } = [];
    [Id(1)] public BurstSketch[] Keywords { get; set; } = [];

    public static TrendState Create(int capacity) => new()
    {
        Hashtags = TimeConstants.Select(t => new BurstSketch(capacity, t.Recent, t.Baseline)).ToArray(),
        Keywords = TimeConstants.Select(t => new BurstSketch(capacity, t.Recent, t.Baseline)).ToArray(),
    };

    /// <summary>Every event is history for the baselines, tagged or not (see <see cref="BurstSketch.Observe"/>).</summary>
    public void Observe(DateTime at)
    {
        foreach (var sketch in Hashtags)
        {
            sketch.Observe(at);
        }

        foreach (var sketch in Keywords)
        {
            sketch.Observe(at);
        }
    }

    public void AddHashtag(string tag, DateTime at, double weight = 1)
    {
        foreach (var sketch in Hashtags)
        {
            sketch.Add(tag, at, weight);
        }
    }

    public void AddKeyword(string keyword, DateTime at, double weight = 1)
    {
        foreach (var sketch in Keywords)
        {
            sketch.Add(keyword, at, weight);
        }
    }

    public TrendsView ToView(TrendWindow window, DateTime now, int top) => new()
    {
        Window = window.ToName(),
        Hashtags = Hashtags[(int)window].Top(top, now),
        Keywords = Keywords[(int)window].Top(top, now),
        SketchCapacity = Hashtags[(int)window].Capacity,
        AsOf = now,
    };
}
