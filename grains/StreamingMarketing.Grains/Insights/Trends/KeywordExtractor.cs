namespace StreamingMarketing.Grains.Insights.Trends;

/// <summary>
/// Keywords of a text for trending: lower-case words of 3–30 letters or digits that are not stop words, numbers,
/// links, @handles or #hashtags (hashtags are counted from the event's hashtag list). Each word counts once per text,
/// and at most <see cref="MaxPerText"/> words per text, so a long rant weighs like a short one.
/// </summary>
public static class KeywordExtractor
{
    public const int MaxPerText = 20;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "yours", "all", "any", "can", "had", "her", "was", "one",
        "our", "out", "has", "have", "him", "his", "how", "its", "let", "may", "who", "why", "what", "when", "where",
        "which", "with", "this", "that", "these", "those", "they", "them", "their", "there", "then", "than", "too",
        "very", "just", "from", "into", "over", "also", "more", "most", "some", "such", "been", "being", "did", "does",
        "doing", "done", "don", "dont", "didn", "doesn", "isn", "wasn", "aren", "won", "cant", "can't", "don't",
        "i'm", "i've", "it's", "that's", "you're", "we're", "they're", "will", "would", "could", "should", "shall",
        "about", "after", "again", "against", "before", "below", "between", "both", "down", "during", "each", "few",
        "further", "here", "hers", "herself", "himself", "itself", "myself", "nor", "off", "once", "only", "other",
        "ours", "ourselves", "own", "same", "she", "so", "themselves", "through", "under", "until", "while", "were",
        "yourself", "yourselves", "because", "get", "got", "just", "like", "really", "still", "even", "much", "many",
        "every", "now", "new", "one", "two", "via", "amp", "lol", "yes", "yeah", "okay", "ever", "never", "always",
        "thing", "things", "make", "made", "know", "think", "see", "want", "going", "gonna", "way", "well", "back",
        "day", "today", "time", "year", "www", "com", "http", "https",
    };

    public static IEnumerable<string> Extract(string text)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length && seen.Count < MaxPerText)
        {
            // Handles and hashtags are skipped whole (hashtags are counted from the event's hashtag list).
            if (text[i] is '@' or '#')
            {
                SkipToWhiteSpace(text, ref i);
                continue;
            }

            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’'))
            {
                i++;
            }

            var word = text[start..i].TrimEnd('\'', '’').Replace('’', '\'').ToLowerInvariant();
            if (word.EndsWith("'s", StringComparison.Ordinal))
            {
                word = word[..^2];
            }

            // A link's words would trend with every share of it: skip the rest of the link.
            if (word is "http" or "https" && i < text.Length && text[i] == ':')
            {
                SkipToWhiteSpace(text, ref i);
                continue;
            }

            if (word.Length is < 3 or > 30 || StopWords.Contains(word) || word.All(char.IsDigit))
            {
                continue;
            }

            if (seen.Add(word))
            {
                yield return word;
            }
        }
    }

    private static void SkipToWhiteSpace(string text, ref int i)
    {
        while (i < text.Length && !char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }
}
