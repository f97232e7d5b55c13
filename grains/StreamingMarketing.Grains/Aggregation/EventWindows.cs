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

    public void AddEvent(DateTime timestamp, DateTime now, EventType type, double value)
    {
        LastHour.BucketFor(timestamp, now)?.AddEvent(type, value);
        LastDay.BucketFor(timestamp, now)?.AddEvent(type, value);
        LastMonth.BucketFor(timestamp, now)?.AddEvent(type, value);
    }

    /// <summary>Sentiment lands in the buckets of the text's event time, whenever its score arrives.</summary>
    public void AddSentiment(DateTime timestamp, DateTime now, SentimentScore sentiment)
    {
        LastHour.BucketFor(timestamp, now)?.AddSentiment(sentiment);
        LastDay.BucketFor(timestamp, now)?.AddSentiment(sentiment);
        LastMonth.BucketFor(timestamp, now)?.AddSentiment(sentiment);
    }

    public Dictionary<string, WindowView> ToViews(DateTime now) => new()
    {
        ["1h"] = LastHour.ToView(now),
        ["24h"] = LastDay.ToView(now),
        ["30d"] = LastMonth.ToView(now),
    };
}
