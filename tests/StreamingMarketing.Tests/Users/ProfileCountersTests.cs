using System.Text.Json;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Campaigns;
using StreamingMarketing.Grains.Users;

namespace StreamingMarketing.Tests.Users;

/// <summary>The profile's flat counters against the campaigns' object windows: the same events must read the same.</summary>
public sealed class ProfileCountersTests
{
    private static readonly DateTime Start = new(2026, 11, 27, 12, 30, 15, DateTimeKind.Utc);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Totals_platforms_and_windows_read_as_the_object_windows_do(int seed)
    {
        var random = new Random(seed);
        var state = new UserProfileState();
        var counters = new ProfileCounters(state);
        var windows = new EventWindows();
        var totals = new KpiCounters();
        var platforms = new long[Platforms.All.Length];
        var now = Start;
        for (var step = 0; step < 3_000; step++)
        {
            // The clock moves by seconds to days, so buckets of every window open and expire.
            now = now.AddSeconds(random.Next(4) == 0 ? random.Next(1, 200_000) : random.Next(0, 90));
            var timestamp = now.AddMinutes(-random.Next(0, 60 * 24 * 40)).AddMinutes(random.Next(3) == 0 ? random.Next(0, 3) : 0);
            if (random.Next(4) == 0)
            {
                var sentiment = new SentimentScore((SentimentLabel)random.Next(4), (float)(random.NextDouble() * 2 - 1))
                {
                    Emotion = (EmotionLabel)random.Next(5),
                    BrandSafety = (BrandSafetyFlags)random.Next(4),
                };
                counters.AddSentiment(sentiment, timestamp, now);
                windows.AddSentiment(timestamp, now, sentiment);
                totals.AddSentiment(sentiment);
                continue;
            }

            var type = EventTypes.All[random.Next(EventTypes.Count)];
            var platform = Platforms.All[random.Next(Platforms.All.Length)];
            var value = type == EventType.Conversion ? Math.Round(random.NextDouble() * 100, 2) : 0;
            counters.AddEvent(type, platform, value, timestamp, now);
            windows.AddEvent(timestamp, now, type, value);
            totals.AddEvent(type, value);
            platforms[(int)platform]++;

            if (step % 250 == 0)
            {
                AssertSame(windows.ToViews(now), counters.WindowViews(now));
            }
        }

        AssertSame(windows.ToViews(now), counters.WindowViews(now));
        AssertSame(totals.TotalsByName(), counters.Totals().TotalsByName());
        AssertSame(totals.ToSentimentView(), counters.Totals().ToSentimentView());
        Assert.Equal(totals.ConversionValue, counters.Totals().ConversionValue, 6);
        Assert.Equal(CampaignAggregator.PlatformTotals(platforms), CampaignAggregator.PlatformTotals(counters.PlatformTotals()));
    }

    [Fact]
    public void A_window_drops_its_expired_buckets_when_it_opens_a_new_one()
    {
        var state = new UserProfileState();
        var counters = new ProfileCounters(state);
        counters.AddEvent(EventType.Like, Platform.Twitter, 0, Start, Start);

        // totals (like, twitter) and one like cell per window
        Assert.Equal(5, counters.CellCount);

        var later = Start.AddDays(45);
        counters.AddEvent(EventType.Like, Platform.Twitter, 0, later, later);

        // the old bucket of every window is gone; the totals carry both events
        Assert.Equal(5, counters.CellCount);
        Assert.Equal(2, counters.Totals()[EventType.Like]);
        Assert.All(counters.WindowViews(later).Values, window => Assert.Equal(1, window.Totals["like"]));
    }

    private static void AssertSame<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected), JsonSerializer.Serialize(actual));
}
