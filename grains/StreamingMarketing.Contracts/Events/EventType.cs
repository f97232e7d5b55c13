namespace StreamingMarketing.Contracts.Events;

/// <summary>Interaction kinds a connector can report. The numeric values index count arrays: append only.</summary>
public enum EventType
{
    Impression = 0,
    View = 1,
    Like = 2,
    Comment = 3,
    Share = 4,
    Click = 5,
    Follow = 6,
    Mention = 7,
    Conversion = 8,
}

public static class EventTypes
{
    public const int Count = 9;

    public static readonly EventType[] All = Enum.GetValues<EventType>();

    /// <summary>Lower-case wire names, indexed by <see cref="EventType"/>.</summary>
    public static readonly string[] WireNames = All.Select(t => t.ToString().ToLowerInvariant()).ToArray();

    public static bool TryParse(string? value, out EventType type)
    {
        type = default;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        for (var i = 0; i < WireNames.Length; i++)
        {
            if (string.Equals(WireNames[i], value, StringComparison.OrdinalIgnoreCase))
            {
                type = (EventType)i;
                return true;
            }
        }

        return false;
    }

    public static bool RequiresText(this EventType type) => type is EventType.Comment or EventType.Mention;

    /// <summary>The interactions that count as engagement in engagement rate (docs/api.md).</summary>
    public static bool IsEngagement(this EventType type) =>
        type is EventType.Like or EventType.Comment or EventType.Share or EventType.Click;

    public static string ToWireName(this EventType type) => WireNames[(int)type];
}
