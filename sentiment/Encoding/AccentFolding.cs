using System.Globalization;
using System.Text;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// BERT-uncased's "strip accents" step (NFD, then drop non-spacing marks) from a precomputed table.
/// FastBertTokenizer relies on <see cref="string.Normalize()"/>, which does nothing when a host runs with
/// InvariantGlobalization (no ICU): "café" would become [UNK]. Folding first makes tokenisation identical
/// with and without ICU.
/// </summary>
public static class AccentFolding
{
    private static readonly Lazy<Dictionary<int, string>> Table = new(LoadTable);

    public static string Fold(string text)
    {
        if (!NeedsFolding(text))
        {
            return text;
        }

        var table = Table.Value;
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (rune.Value is >= HangulFirst and <= HangulLast)
            {
                AppendHangulJamo(builder, rune.Value);
            }
            else if (table.TryGetValue(rune.Value, out var folded))
            {
                builder.Append(folded);
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }

    // Nothing below U+00C0 decomposes or is a combining mark, so most tweets skip the table entirely.
    private static bool NeedsFolding(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u00C0')
            {
                return true;
            }
        }

        return false;
    }

    private const int HangulFirst = 0xAC00;
    private const int HangulLast = 0xD7A3;

    // Unicode's algorithmic decomposition of precomposed Hangul syllables into leading, vowel and trailing jamo.
    private static void AppendHangulJamo(StringBuilder builder, int syllable)
    {
        var index = syllable - HangulFirst;
        builder.Append((char)(0x1100 + (index / 588)));
        builder.Append((char)(0x1161 + (index % 588 / 28)));
        if (index % 28 != 0)
        {
            builder.Append((char)(0x11A7 + (index % 28)));
        }
    }

    private static Dictionary<int, string> LoadTable()
    {
        using var stream = typeof(AccentFolding).Assembly.GetManifestResourceStream("StreamingMarketing.Sentiment.accent-folding.txt")
            ?? throw new InvalidOperationException("The accent folding table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var source = int.Parse(line.AsSpan(0, tab), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var folded = new StringBuilder();
            foreach (var part in line[(tab + 1)..].Split(' '))
            {
                folded.Append(char.ConvertFromUtf32(int.Parse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            }

            table[source] = folded.ToString();
        }

        return table;
    }
}
