using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamingMarketing.Archive.Segments;

/// <summary>
/// Where a segment lives: <c>events/YYYY/MM/DD/HH/</c> by the hour of its events' timestamps (event time, so a
/// backfill lands beside the live events of its hour), named by writer, a sequence and its row count. The count in the
/// name is checked against the file on read: a segment cut short or swapped is reported, never read as data.
/// </summary>
public sealed partial record SegmentName(DateTime Hour, string Writer, long Sequence, int Rows)
{
    public const string Root = "events";
    public const string Extension = ".parquet";

    public string Path => $"{HourPrefix(Hour)}{Writer}-{Sequence:D12}-{Rows}{Extension}";

    public static DateTime HourOf(DateTime timestamp) =>
        new(timestamp.Year, timestamp.Month, timestamp.Day, timestamp.Hour, 0, 0, DateTimeKind.Utc);

    /// <summary>The folder (with its trailing slash) that holds one hour's segments.</summary>
    public static string HourPrefix(DateTime hour) => string.Create(CultureInfo.InvariantCulture, $"{Root}/{hour:yyyy/MM/dd/HH}/");

    public static bool TryParse(string path, out SegmentName? name)
    {
        name = null;
        var match = Pattern().Match(path.Replace('\\', '/'));
        if (!match.Success)
        {
            return false;
        }

        var hour = DateTime.ParseExact(match.Groups["hour"].Value, "yyyy/MM/dd/HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        name = new SegmentName(hour, match.Groups["writer"].Value, long.Parse(match.Groups["seq"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["rows"].Value, CultureInfo.InvariantCulture));
        return true;
    }

    [GeneratedRegex(@"(^|/)events/(?<hour>\d{4}/\d{2}/\d{2}/\d{2})/(?<writer>[A-Za-z0-9_.]+)-(?<seq>\d{12})-(?<rows>\d+)\.parquet$")]
    private static partial Regex Pattern();
}
