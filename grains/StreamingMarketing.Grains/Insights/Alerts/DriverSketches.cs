using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Trends;

namespace StreamingMarketing.Grains.Insights.Alerts;

/// <summary>
/// What an alert's drivers are read from besides the hashtag and keyword trends: bursts of authors, platforms and
/// posts over all events, and of keywords, authors and platforms over negative texts only, each a
/// <see cref="BurstSketch"/> of the short trend window (15 min against 6 h) with <see cref="Capacity"/> counters.
/// </summary>
[GenerateSerializer]
public sealed class DriverSketches
{
    /// <summary>
    /// Anything above 1/64 of the decayed traffic is always tracked: a crowd of 50 equally angry users still shows
    /// (at 32 they evict each other and none stands out). A full sketch scans its counters once per new item.
    /// </summary>
    public const int Capacity = 64;

    [Id(0)] public BurstSketch Authors { get; set; } = Create();
    [Id(1)] public BurstSketch Platforms { get; set; } = Create();
    [Id(2)] public BurstSketch Posts { get; set; } = Create();
    [Id(3)] public BurstSketch NegativeKeywords { get; set; } = Create();
    [Id(4)] public BurstSketch NegativeAuthors { get; set; } = Create();
    [Id(5)] public BurstSketch NegativePlatforms { get; set; } = Create();

    public static TrendWindow Window => TrendWindow.FifteenMinutes;

    public void AddEvent(string userId, string platform, string? postId, DateTime at)
    {
        Authors.Add(userId, at);
        Platforms.Add(platform, at);
        if (postId is not null)
        {
            Posts.Add(postId, at);
        }

        // Sketches fed by some events only still measure their baseline from the campaign's first event.
        foreach (var sketch in (ReadOnlySpan<BurstSketch>)[Posts, NegativeKeywords, NegativeAuthors, NegativePlatforms])
        {
            sketch.Observe(at);
        }
    }

    public void AddNegativeText(string userId, string platform, IEnumerable<string> keywords, DateTime at)
    {
        NegativeAuthors.Add(userId, at);
        NegativePlatforms.Add(platform, at);
        foreach (var keyword in keywords)
        {
            NegativeKeywords.Add(keyword, at);
        }
    }

    private static BurstSketch Create()
    {
        var (recent, baseline) = TrendState.TimeConstants[(int)Window];
        return new BurstSketch(Capacity, recent, baseline);
    }
}
