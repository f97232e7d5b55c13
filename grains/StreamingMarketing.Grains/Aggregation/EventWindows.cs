using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Grains.Aggregation;

/// <summary>The three rolling windows of the public contract: 1 h in minutes, 24 h in hours, 30 d in days.</summary>
[GenerateSerializer]
public sealed class EventWindows
{
    /// <summary>The windows by their names in views, in this order: (name, bucket width, bucket count).</summary>
    public static readonly (string Name, TimeSpan BucketSize, int BucketCount)[] Shapes =
    [
        ("1h", TimeSpan.FromMinutes(1), 60),
        ("24h", TimeSpan.FromHours(1), 24),
        ("30d", TimeSpan.FromDays(1), 30),
    ];

    [Id(0)] public TimeBuckets LastHour { get; set; } = new(Shapes[0].BucketSize, Shapes[0].BucketCount);
    [Id(1)] public TimeBuckets LastDay { get; set; } = new(Shapes[1].BucketSize, Shapes[1].BucketCount);
    [Id(2)] public TimeBuckets LastMonth { get; set; } = new(Shapes[2].BucketSize, Shapes[2].BucketCount);

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
        [Shapes[0].Name] = LastHour.ToView(now),
        [Shapes[1].Name] = LastDay.ToView(now),
        [Shapes[2].Name] = LastMonth.ToView(now),
    };
}
