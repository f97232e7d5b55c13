namespace StreamingMarketing.Contracts.Events;

/// <summary>Source platforms. Unknown names map to <see cref="Other"/> rather than failing the event.</summary>
public enum Platform
{
    Other = 0,
    Twitter = 1,
    Facebook = 2,
    Instagram = 3,
    TikTok = 4,
    LinkedIn = 5,
    YouTube = 6,
    Reddit = 7,
}

public static class Platforms
{
    public static readonly Platform[] All = Enum.GetValues<Platform>();

    public static readonly string[] WireNames = All.Select(p => p.ToString().ToLowerInvariant()).ToArray();

    public static Platform Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return Platform.Other;
        }

        for (var i = 0; i < WireNames.Length; i++)
        {
            if (string.Equals(WireNames[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return (Platform)i;
            }
        }

        // "x" is what Twitter calls itself now; connectors send either.
        return string.Equals(value, "x", StringComparison.OrdinalIgnoreCase) ? Platform.Twitter : Platform.Other;
    }

    public static string ToWireName(this Platform platform) => WireNames[(int)platform];
}
