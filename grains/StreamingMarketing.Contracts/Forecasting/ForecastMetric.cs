using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Contracts.Forecasting;

/// <summary>
/// What a forecast counts per bucket: one event type (the first nine values, in <see cref="EventType"/> order), the
/// engagements (likes + comments + shares + clicks), all events, or the texts scored negative or positive.
/// </summary>
public enum ForecastMetric
{
    Impression = EventType.Impression,
    View = EventType.View,
    Like = EventType.Like,
    Comment = EventType.Comment,
    Share = EventType.Share,
    Click = EventType.Click,
    Follow = EventType.Follow,
    Mention = EventType.Mention,
    Conversion = EventType.Conversion,
    Engagements = EventTypes.Count,
    Events,
    Negative,
    Positive,
}

public static class ForecastMetrics
{
    /// <summary>Lower-case wire names, indexed by the metric's value.</summary>
    public static readonly string[] WireNames = [.. EventTypes.WireNames, "engagements", "events", "negative", "positive"];

    public static ForecastMetric Of(EventType type) => (ForecastMetric)(int)type;

    public static string ToWireName(this ForecastMetric metric) => WireNames[(int)metric];

    public static bool TryParse(string? value, out ForecastMetric metric)
    {
        var index = Array.FindIndex(WireNames, name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase));
        metric = index < 0 ? default : (ForecastMetric)index;
        return index >= 0;
    }
}
