namespace StreamingMarketing.Grains.Insights.Voice;

/// <summary>
/// A brand's mentions by event time: per minute for the last hour, per hour for the last 30 days (at most
/// 60 + 720 counters). A window of an hour sums the last 60 minutes; longer windows sum whole hours, the current
/// one included.
/// </summary>
[GenerateSerializer]
public sealed class MentionBuckets
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    [Id(0)] public Dictionary<long, long> Minutes { get; set; } = [];
    [Id(1)] public Dictionary<long, long> Hours { get; set; } = [];

    public void Add(long minuteStartTicks, long count, DateTime now)
    {
        if (minuteStartTicks < (now - Retention).Ticks)
        {
            return;
        }

        var minute = minuteStartTicks / TimeSpan.TicksPerMinute;
        var hour = minuteStartTicks / TimeSpan.TicksPerHour;
        Minutes[minute] = Minutes.GetValueOrDefault(minute) + count;
        Hours[hour] = Hours.GetValueOrDefault(hour) + count;
        Prune(now);
    }

    public long Count(TimeSpan window, DateTime now)
    {
        if (window <= TimeSpan.FromHours(1))
        {
            var first = (now.Ticks / TimeSpan.TicksPerMinute) - (long)window.TotalMinutes + 1;
            return Minutes.Where(pair => pair.Key >= first).Sum(pair => pair.Value);
        }

        var firstHour = (now.Ticks / TimeSpan.TicksPerHour) - (long)window.TotalHours + 1;
        return Hours.Where(pair => pair.Key >= firstHour).Sum(pair => pair.Value);
    }

    private void Prune(DateTime now)
    {
        var oldestMinute = (now.Ticks / TimeSpan.TicksPerMinute) - 60;
        var oldestHour = (now - Retention).Ticks / TimeSpan.TicksPerHour;
        if (Minutes.Count > 120)
        {
            foreach (var key in Minutes.Keys.Where(k => k < oldestMinute).ToList())
            {
                Minutes.Remove(key);
            }
        }

        if (Hours.Count > 750)
        {
            foreach (var key in Hours.Keys.Where(k => k < oldestHour).ToList())
            {
                Hours.Remove(key);
            }
        }
    }
}
