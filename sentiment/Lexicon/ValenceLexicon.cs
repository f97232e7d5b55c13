using System.Globalization;
using System.Reflection;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// The published VADER lexicon (Hutto &amp; Gilbert, ICWSM 2014, MIT licence): ~7,500 words, emoticons and slang
/// with mean human valence ratings from −4 to +4, and the emoji → description table VADER scores emojis through.
/// Embedded in this assembly so that serving and training read the same table.
/// </summary>
public sealed class ValenceLexicon
{
    private static readonly Lazy<ValenceLexicon> Shared = new(() => new ValenceLexicon(
        ReadResource("StreamingMarketing.Sentiment.vader_lexicon.tsv"),
        ReadResource("StreamingMarketing.Sentiment.vader_emoji.tsv")));

    private readonly Dictionary<string, double> valences;
    private readonly Dictionary<string, string> emojis;

    private ValenceLexicon(IEnumerable<(string Key, string Value)> words, IEnumerable<(string Key, string Value)> emojis)
    {
        // The published files repeat a few keys (":-p"); as in the reference implementation, the last one wins.
        valences = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (key, value) in words)
        {
            valences[key] = double.Parse(value, CultureInfo.InvariantCulture);
        }

        this.emojis = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in emojis)
        {
            this.emojis[key] = value;
        }
    }

    public static ValenceLexicon Default => Shared.Value;

    public int Count => valences.Count;

    /// <summary>The valence of a lower-cased word, emoticon or slang term.</summary>
    public bool TryGetValence(string lowerCased, out double valence) => valences.TryGetValue(lowerCased, out valence);

    public bool Contains(string lowerCased) => valences.ContainsKey(lowerCased);

    /// <summary>The textual description VADER substitutes for an emoji ("face with tears of joy").</summary>
    public bool TryGetEmojiDescription(string emoji, out string description) => emojis.TryGetValue(emoji, out description!);

    private static List<(string, string)> ReadResource(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Resource {name} is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        var entries = new List<(string, string)>();
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0)
            {
                entries.Add((line[..tab], line[(tab + 1)..]));
            }
        }

        return entries;
    }
}
