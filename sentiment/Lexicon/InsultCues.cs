using System.Reflection;
using System.Text.RegularExpressions;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// Token-level cues of an offence, for heads that take them beside the embedding: mean pooling of a
/// semantic-similarity encoder blurs the single swear word or the "you" an insult is aimed at, which is most of
/// what separates an offensive tweet from a complaint. Four values per text:
/// ln(1 + profane words), whether the text addresses someone ("you", "ur"...), whether a profane word stands
/// near that address, and the most negative VADER word valence near it (0…1, as −valence / 4).
/// </summary>
public static partial class InsultCues
{
    public const int Count = 4;

    // Words on either side of "you" that an insult aimed at the reader is read from ("you are such an idiot").
    private const int WindowAfter = 4;
    private const int WindowBefore = 2;

    private static readonly HashSet<string> SecondPerson = new(StringComparer.Ordinal)
    {
        "you", "your", "you're", "youre", "yours", "yourself", "ur", "u", "ya", "yall", "y'all", "thou",
    };

    private static readonly Lazy<Profanity> Words = new(Profanity.Read);

    /// <summary>Writes the text's <see cref="Count"/> cues to <paramref name="destination"/>.</summary>
    public static void Score(string text, Span<float> destination)
    {
        var tokens = Tokenize(text);
        var profane = Words.Value.Mark(tokens);
        var profaneCount = 0;
        var addressed = false;
        var profaneNearAddress = false;
        var negativityNearAddress = 0.0;
        for (var i = 0; i < tokens.Length; i++)
        {
            profaneCount += profane[i] ? 1 : 0;
            if (!SecondPerson.Contains(tokens[i]))
            {
                continue;
            }

            addressed = true;
            for (var j = Math.Max(0, i - WindowBefore); j <= Math.Min(tokens.Length - 1, i + WindowAfter); j++)
            {
                profaneNearAddress |= profane[j];
                if (ValenceLexicon.Default.TryGetValence(tokens[j], out var valence) && valence < 0)
                {
                    negativityNearAddress = Math.Max(negativityNearAddress, Math.Min(1, -valence / 4));
                }
            }
        }

        destination[0] = MathF.Log(1 + profaneCount);
        destination[1] = addressed ? 1 : 0;
        destination[2] = profaneNearAddress ? 1 : 0;
        destination[3] = (float)negativityNearAddress;
    }

    /// <summary>Lower-cased words; a hashtag or a leading/trailing "!"/"?"/quote does not hide a word.</summary>
    private static string[] Tokenize(string text)
    {
        var matches = WordPattern().Matches(text.ToLowerInvariant());
        var tokens = new string[matches.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = matches[i].Value.Trim('\'', '!', '*');
        }

        return tokens;
    }

    // Letters, digits and the characters that spell profanity around filters ("f*ck", "b!tch", "a$$", "a_s_s").
    [GeneratedRegex(@"[\p{L}\p{N}'*$!@_+]+|\p{So}", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>
    /// The English profanity lists of LDNOOBW (CC BY 4.0) and badwords-list (MIT), merged: words, and phrases of up
    /// to four words matched over consecutive tokens (sentiment/Lexicon/README.md).
    /// </summary>
    private sealed class Profanity(HashSet<string> entries, HashSet<string> phraseStarts, int longestPhrase)
    {
        public static Profanity Read()
        {
            const string name = "StreamingMarketing.Sentiment.profanity.txt";
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Resource {name} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
            using var reader = new StreamReader(stream);
            var entries = new HashSet<string>(StringComparer.Ordinal);
            var phraseStarts = new HashSet<string>(StringComparer.Ordinal);
            var longest = 1;
            while (reader.ReadLine() is { } line)
            {
                var words = Tokenize(line);
                if (words.Length > 0)
                {
                    entries.Add(string.Join(' ', words));
                    longest = Math.Max(longest, words.Length);
                    if (words.Length > 1)
                    {
                        phraseStarts.Add(words[0]);
                    }
                }
            }

            return new Profanity(entries, phraseStarts, longest);
        }

        /// <summary>Which tokens belong to a listed word or phrase.</summary>
        public bool[] Mark(string[] tokens)
        {
            var marked = new bool[tokens.Length];
            for (var start = 0; start < tokens.Length; start++)
            {
                marked[start] |= entries.Contains(tokens[start]);
                // Phrases are joined only from a word that starts one, so most words cost one lookup.
                for (var length = 2; phraseStarts.Contains(tokens[start]) && length <= longestPhrase && start + length <= tokens.Length; length++)
                {
                    if (entries.Contains(string.Join(' ', tokens, start, length)))
                    {
                        marked.AsSpan(start, length).Fill(true);
                    }
                }
            }

            return marked;
        }
    }
}
