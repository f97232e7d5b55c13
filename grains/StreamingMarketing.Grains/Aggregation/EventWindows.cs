using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Grains.Aggregation;

/// <summary>The three rolling windows of the public contract: 1 h in minutes, 24 h in hours, 30 d in days.</summary>
[GenerateSerializer]
public sealed class EventWindows
{
    [Id(0)] public TimeBuckets LastHour { get; set; } = new(TimeSpan.FromMinutes(1), 60);
    [Id(1)] public TimeBuckets LastDay { get; set; } = new(TimeSpan.FromHours(1), 24);
    [Id(2)] public TimeBuckets LastMonth { get; set; } = new(TimeSpan.FromDays(1), 30);

    public void Add(DateTime timestamp, DateTime now, EventType type, double value, bool hasText, SentimentScore sentiment)
    {
        LastHour.BucketFor(timestamp, now)?.Add(type, value, hasText, sentiment);
        LastDay.BucketFor(timestamp, now)?.Add(type, value, hasText, sentiment);
        LastMonth.BucketFor(timestamp, now)?.Add(type, value, hasText, sentiment);
    }

    public Dictionary<string, WindowView> ToViews(DateTime now) => new()
    {
        ["1h"] = LastHour.ToView(now),
        ["24h"] = LastDay.ToView(now),
        ["30d"] = LastMonth.ToView(now),
    };
}
