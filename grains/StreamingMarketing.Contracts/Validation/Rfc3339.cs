using System.Globalization;
using System.Text.RegularExpressions;

namespace StreamingMarketing.Contracts.Validation;

/// <summary>
/// RFC 3339 date-times only: date, 'T', time and an explicit offset ('Z' or ±hh:mm). Looser ISO-8601 forms are refused
/// because .NET's general parser reads them with guesses ("12:00" as today at noon, no offset as local or UTC).
/// </summary>
public static partial class Rfc3339
{
    public const string Format = "YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)";

    public static bool TryParse(string raw, out DateTime utc)
    {
        utc = default;
        if (!Shape().IsMatch(raw))
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            return false;
        }

        utc = parsed.UtcDateTime;
        return true;
    }

    /// <summary>An RFC 3339 full-date (YYYY-MM-DD, midnight UTC) or date-time, for fields where a day is enough.</summary>
    public static bool TryParseDateOrDateTime(string raw, out DateTime utc)
    {
        if (FullDate().IsMatch(raw))
        {
            var parsed = DateTime.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
            utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
            return parsed;
        }

        return TryParse(raw, out utc);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    // At most 7 fraction digits: .NET keeps 100 ns ticks, and more digits would be silently dropped.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
