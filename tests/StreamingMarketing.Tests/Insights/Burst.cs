using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Insights;

/// <summary>Synthetic traffic for the insights tests: a calm hour (backdated), then bursts.</summary>
public static class Burst
{
    public static readonly string[] Negative =
    [
        "This is the worst service ever, absolutely terrible and a total scam",
        "Horrible product, it broke on day one. I hate it and want a refund",
        "Disgusting customer support, never buying from them again, awful",
        "Terrible quality, complete waste of money, very disappointed and angry",
    ];

    public static readonly string[] Positive =
    [
        "Absolutely love it, fantastic quality and great service!",
        "Best purchase this year, so happy with it, thank you!",
        "Amazing experience, wonderful team, highly recommend",
        "Great product, works perfectly and looks beautiful, love it",
    ];

    /// <summary>An hour of calm traffic ending a minute ago: each minute an impression, a like and (every 5th) a friendly comment.</summary>
    public static List<Dictionary<string, object?>> CalmHour(string campaign, DateTime now)
    {
        var events = new List<Dictionary<string, object?>>();
        for (var minute = 61; minute >= 2; minute--)
        {
            var at = now.AddMinutes(-minute);
            events.Add(Events.Json(Id(campaign), "impression", $"calm-{minute % 7}", campaign, at));
            events.Add(Events.Json(Id(campaign), "like", $"calm-{minute % 7}", campaign, at));
            if (minute % 5 == 0)
            {
                events.Add(Events.Json(Id(campaign), "comment", $"calm-{minute % 7}", campaign, at, Positive[minute % Positive.Length]));
            }
        }

        return events;
    }

    /// <summary><paramref name="count"/> comments spread over the last minute.</summary>
    public static List<Dictionary<string, object?>> Comments(string campaign, int count, string[] texts, DateTime now, string userPrefix) =>
        Enumerable.Range(0, count)
            .Select(i => Events.Json(Id(campaign), "comment", $"{userPrefix}-{i % 50}", campaign, now.AddMilliseconds(-i * 250), texts[i % texts.Length]))
            .ToList();

    public static string Id(string prefix) => $"{prefix}-{Guid.NewGuid():N}";
}
