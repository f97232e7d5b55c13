using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Insights;

/// <summary>
/// Nine days of backdated impressions with a daily cycle (about 5 to 55 an hour), and <see cref="BurstCount"/> in the
/// last complete hour: enough history for the anomaly rule, and a burst its forecast did not expect.
/// </summary>
public static class AnomalyTraffic
{
    public const int BurstCount = 600;

    public static DateTime CurrentHour(DateTime now) => new(now.Ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, DateTimeKind.Utc);

    /// <summary>Waits past the end of the hour when it is about to end, so the burst stays in the last complete hour.</summary>
    public static async Task AwayFromTheHourEndAsync()
    {
        if (DateTime.UtcNow.Minute >= 55)
        {
            await Task.Delay(TimeSpan.FromMinutes(60 - DateTime.UtcNow.Minute) + TimeSpan.FromSeconds(5));
        }
    }

    public static List<Dictionary<string, object?>> NineDaysThenABurst(string campaign, DateTime now)
    {
        var currentHour = CurrentHour(now);
        var events = new List<Dictionary<string, object?>>();
        for (var back = 9 * 24; back >= 1; back--)
        {
            var hour = currentHour.AddHours(-back);
            var count = back == 1 ? BurstCount : (int)Math.Round(30 + (25 * Math.Sin(2 * Math.PI * (hour.Hour - 8) / 24)) + ((back * 7) % 5));
            for (var i = 0; i < count; i++)
            {
                events.Add(Events.Json(Burst.Id(campaign), "impression", $"fan-{i % 20}", campaign, hour.AddSeconds(i * 3600.0 / count)));
            }
        }

        return events;
    }
}
