using System.Globalization;
using System.Text;

namespace StreamingMarketing.Contracts.Validation;

/// <summary>
/// Which characters the API can store and serve back. Shared by event, feedback and campaign-metadata validation so
/// an id accepted in one place is addressable in every other (<c>GET /api/campaigns/{id}</c>, <c>/api/users/{id}</c>).
/// </summary>
public static class TextRules
{
    /// <summary>Punctuation an id may hold besides letters, marks and digits of any script: none of it is special in a URL path.</summary>
    public const string IdPunctuation = "-_.:@~+";

    /// <summary>
    /// Why <paramref name="value"/> is not a usable id, or null. An id travels as one URL path segment, so '/', '\',
    /// '%', '?', '#', whitespace and an id of dots only (which clients resolve as "." and "..") are refused, as are
    /// control, zero-width and bidi-override characters, which would make two ids look alike on screen.
    /// </summary>
    public static string? IdProblem(string field, string value, int maxLength)
    {
        if (value.Length == 0 || value.Length > maxLength)
        {
            return $"{field} must be 1 to {maxLength} characters (got {value.Length})";
        }

        if (FirstUnservable(value) is { } hidden)
        {
            return $"{field} contains {hidden}";
        }

        foreach (var rune in value.EnumerateRunes())
        {
            if (!IsIdRune(rune))
            {
                return $"{field} contains '{rune}': ids hold letters, digits and {IdPunctuation} only";
            }
        }

        return value.All(c => c == '.') ? $"{field} must not consist of dots only" : null;
    }

    /// <summary>
    /// A description of the first character that must never be stored in an id or a hashtag, or null: control
    /// characters (NUL, ESC…), format characters (zero-width spaces and joiners, bidi overrides and isolates, BOM),
    /// line and paragraph separators, and unpaired surrogates (not text at all; JSON writers refuse them).
    /// </summary>
    public static string? FirstUnservable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            var category = char.GetUnicodeCategory(c);
            var what = category switch
            {
                UnicodeCategory.Control => "a control character",
                UnicodeCategory.Format => "an invisible formatting character (zero-width or bidi control)",
                UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "a line separator",
                UnicodeCategory.Surrogate => "an unpaired surrogate",
                _ => null,
            };
            if (what is not null)
            {
                return $"{what} (U+{(int)c:X4}) at position {i}";
            }
        }

        return null;
    }

    private static bool IsIdRune(Rune rune)
    {
        if (rune.IsAscii)
        {
            return char.IsAsciiLetterOrDigit((char)rune.Value) || IdPunctuation.Contains((char)rune.Value);
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }
}
