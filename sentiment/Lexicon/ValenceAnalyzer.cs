using System.Text;

namespace StreamingMarketing.Sentiment;

/// <summary>VADER's four scores: compound in [−1, 1] and the positive / negative / neutral proportions.</summary>
public readonly record struct ValenceScores(double Compound, double Positive, double Negative, double Neutral)
{
    public const int Count = 4;

    public void CopyTo(Span<float> destination)
    {
        destination[0] = (float)Compound;
        destination[1] = (float)Positive;
        destination[2] = (float)Negative;
        destination[3] = (float)Neutral;
    }
}

/// <summary>
/// VADER's rule-based valence scoring, implemented from Hutto &amp; Gilbert (ICWSM 2014) and the reference
/// implementation's published constants: lexicon valences adjusted for degree boosters and dampeners, ALL-CAPS
/// emphasis, negation within three words, "least", contrastive "but", idioms, and "!"/"?" emphasis, summed and
/// normalised to a compound score. Serving and training compute it identically, so a head may take it as input.
/// </summary>
public sealed class ValenceAnalyzer
{
    // Empirically derived intensity changes from the paper.
    private const double BoosterIncrement = 0.293;
    private const double CapsIncrement = 0.733;
    private const double NegationScalar = -0.74;

    private static readonly HashSet<string> Negations = new(StringComparer.Ordinal)
    {
        "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't", "can't", "couldn't",
        "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
        "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't", "neednt", "needn't", "never", "none",
        "nope", "nor", "not", "nothing", "nowhere", "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't",
        "shan't", "shouldn't", "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely",
        "seldom", "despite",
    };

    private static readonly Dictionary<string, double> Boosters = BuildBoosters();

    private static readonly Dictionary<string, double> SpecialCases = new(StringComparer.Ordinal)
    {
        ["the shit"] = 3, ["the bomb"] = 3, ["bad ass"] = 1.5, ["badass"] = 1.5, ["bus stop"] = 0, ["yeah right"] = -2,
        ["kiss of death"] = -1.5, ["to die for"] = 3, ["beating heart"] = 3.1, ["broken heart"] = -2.9,
    };

    private readonly ValenceLexicon lexicon;

    public ValenceAnalyzer(ValenceLexicon? lexicon = null) => this.lexicon = lexicon ?? ValenceLexicon.Default;

    public static ValenceAnalyzer Default { get; } = new();

    public ValenceScores Score(string text)
    {
        text = ReplaceEmojis(text);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(StripPunctuation).ToArray();
        var lower = words.Select(w => w.ToLowerInvariant()).ToArray();
        var capsDifferential = words.Count(IsUpper) is var caps && caps > 0 && caps < words.Length;

        var sentiments = new List<double>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var isModifier = Boosters.ContainsKey(lower[i]) || (lower[i] == "kind" && i + 1 < words.Length && lower[i + 1] == "of");
            sentiments.Add(isModifier ? 0 : WordValence(words, lower, i, capsDifferential));
        }

        ApplyBut(lower, sentiments);
        return Combine(sentiments, text);
    }

    private double WordValence(string[] words, string[] lower, int i, bool capsDifferential)
    {
        if (!lexicon.TryGetValence(lower[i], out var baseValence))
        {
            return 0;
        }

        var valence = baseValence;
        // "no" before another lexicon word negates that word instead of counting itself.
        if (lower[i] == "no" && i + 1 < words.Length && lexicon.Contains(lower[i + 1]))
        {
            valence = 0;
        }

        if ((i > 0 && lower[i - 1] == "no") || (i > 1 && lower[i - 2] == "no") || (i > 2 && lower[i - 3] == "no" && lower[i - 1] is "or" or "nor"))
        {
            valence = baseValence * NegationScalar;
        }

        if (IsUpper(words[i]) && capsDifferential)
        {
            valence += valence > 0 ? CapsIncrement : -CapsIncrement;
        }

        for (var distance = 0; distance < 3; distance++)
        {
            if (i <= distance || lexicon.Contains(lower[i - distance - 1]))
            {
                continue;
            }

            // Modifiers further from the word count less (×0.95 at two words, ×0.9 at three).
            var scalar = BoosterScalar(words[i - distance - 1], valence, capsDifferential) * (distance switch { 1 => 0.95, 2 => 0.9, _ => 1 });
            valence = Negate(valence + scalar, lower, distance, i);
            if (distance == 2)
            {
                valence = SpecialIdioms(valence, lower, i);
            }
        }

        return Least(valence, lower, i);
    }

    private static double BoosterScalar(string word, double valence, bool capsDifferential)
    {
        if (!Boosters.TryGetValue(word.ToLowerInvariant(), out var scalar))
        {
            return 0;
        }

        scalar = valence < 0 ? -scalar : scalar;
        if (IsUpper(word) && capsDifferential)
        {
            scalar += valence > 0 ? CapsIncrement : -CapsIncrement;
        }

        return scalar;
    }

    private static double Negate(double valence, string[] lower, int distance, int i)
    {
        var preceding = lower[i - distance - 1];
        switch (distance)
        {
            case 0:
                return IsNegation(preceding) ? valence * NegationScalar : valence;
            case 1:
                if (lower[i - 2] == "never" && lower[i - 1] is "so" or "this")
                {
                    return valence * 1.25;
                }

                if (lower[i - 2] == "without" && lower[i - 1] == "doubt")
                {
                    return valence;
                }

                return IsNegation(preceding) ? valence * NegationScalar : valence;
            default:
                if ((lower[i - 3] == "never" && lower[i - 2] is "so" or "this") || lower[i - 1] is "so" or "this")
                {
                    return valence * 1.25;
                }

                if (lower[i - 3] == "without" && (lower[i - 2] == "doubt" || lower[i - 1] == "doubt"))
                {
                    return valence;
                }

                return IsNegation(preceding) ? valence * NegationScalar : valence;
        }
    }

    private static double SpecialIdioms(double valence, string[] lower, int i)
    {
        string[] sequences =
        [
            $"{lower[i - 1]} {lower[i]}", $"{lower[i - 2]} {lower[i - 1]} {lower[i]}", $"{lower[i - 2]} {lower[i - 1]}",
            $"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}", $"{lower[i - 3]} {lower[i - 2]}",
        ];
        foreach (var sequence in sequences)
        {
            if (SpecialCases.TryGetValue(sequence, out var special))
            {
                valence = special;
                break;
            }
        }

        if (i + 1 < lower.Length && SpecialCases.TryGetValue($"{lower[i]} {lower[i + 1]}", out var following))
        {
            valence = following;
        }

        if (i + 2 < lower.Length && SpecialCases.TryGetValue($"{lower[i]} {lower[i + 1]} {lower[i + 2]}", out var followingTwo))
        {
            valence = followingTwo;
        }

        // A booster n-gram before the word ("kind of", "sort of") dampens or boosts it.
        foreach (var bigram in new[] { $"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}", $"{lower[i - 3]} {lower[i - 2]}", $"{lower[i - 2]} {lower[i - 1]}" })
        {
            if (Boosters.TryGetValue(bigram, out var booster))
            {
                valence += booster;
            }
        }

        return valence;
    }

    private double Least(double valence, string[] lower, int i)
    {
        if (i > 1 && !lexicon.Contains(lower[i - 1]) && lower[i - 1] == "least")
        {
            return lower[i - 2] is not "at" and not "very" ? valence * NegationScalar : valence;
        }

        return i > 0 && !lexicon.Contains(lower[i - 1]) && lower[i - 1] == "least" ? valence * NegationScalar : valence;
    }

    /// <summary>After "but" sentiment counts 1.5×, before it 0.5×: the clause after the contrast dominates.</summary>
    private static void ApplyBut(string[] lower, List<double> sentiments)
    {
        var but = Array.IndexOf(lower, "but");
        if (but < 0)
        {
            return;
        }

        for (var i = 0; i < sentiments.Count; i++)
        {
            sentiments[i] *= i < but ? 0.5 : i > but ? 1.5 : 1;
        }
    }

    private static ValenceScores Combine(List<double> sentiments, string text)
    {
        if (sentiments.Count == 0)
        {
            return new ValenceScores(0, 0, 0, 0);
        }

        var emphasis = PunctuationEmphasis(text);
        var sum = sentiments.Sum();
        sum += sum > 0 ? emphasis : sum < 0 ? -emphasis : 0;
        var compound = Math.Clamp(sum / Math.Sqrt((sum * sum) + 15), -1, 1);

        double positive = 0, negative = 0, neutral = 0;
        foreach (var s in sentiments)
        {
            // ±1 compensates for neutral words being counted as 1 each.
            if (s > 0)
            {
                positive += s + 1;
            }
            else if (s < 0)
            {
                negative += s - 1;
            }
            else
            {
                neutral++;
            }
        }

        if (positive > Math.Abs(negative))
        {
            positive += emphasis;
        }
        else if (positive < Math.Abs(negative))
        {
            negative -= emphasis;
        }

        var total = positive + Math.Abs(negative) + neutral;
        return new ValenceScores(compound, Math.Abs(positive / total), Math.Abs(negative / total), Math.Abs(neutral / total));
    }

    private static double PunctuationEmphasis(string text)
    {
        var exclamations = Math.Min(text.Count(c => c == '!'), 4) * 0.292;
        var questions = text.Count(c => c == '?');
        return exclamations + (questions <= 1 ? 0 : questions <= 3 ? questions * 0.18 : 0.96);
    }

    private string ReplaceEmojis(string text)
    {
        var builder = new StringBuilder(text.Length);
        var previousSpace = true;
        foreach (var rune in text.EnumerateRunes())
        {
            if (lexicon.TryGetEmojiDescription(rune.ToString(), out var description))
            {
                if (!previousSpace)
                {
                    builder.Append(' ');
                }

                builder.Append(description);
                previousSpace = false;
            }
            else
            {
                builder.Append(rune.ToString());
                previousSpace = rune.Value == ' ';
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Leading/trailing ASCII punctuation off, unless that leaves two characters or fewer (an emoticon such as ":)").</summary>
    private static string StripPunctuation(string token)
    {
        var stripped = token.Trim(AsciiPunctuation);
        return stripped.Length <= 2 ? token : stripped;
    }

    private static readonly char[] AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".ToCharArray();

    private static bool IsNegation(string lower) => Negations.Contains(lower) || lower.Contains("n't", StringComparison.Ordinal);

    /// <summary>Python's str.isupper(): at least one cased letter and no lower-case one.</summary>
    private static bool IsUpper(string word) => word.Any(char.IsUpper) && !word.Any(char.IsLower);

    private static Dictionary<string, double> BuildBoosters()
    {
        string[] increments =
        [
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly", "deeply", "effing",
            "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally", "extreme", "extremely",
            "fabulously", "flipping", "flippin", "frackin", "fracking", "fricking", "frickin", "frigging", "friggin", "fully",
            "fuckin", "fucking", "fuggin", "fugging", "greatly", "hella", "highly", "hugely", "incredible", "incredibly",
            "intensely", "major", "majorly", "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so",
            "substantially", "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably",
            "unusually", "utter", "utterly", "very",
        ];
        string[] decrements =
        [
            "almost", "barely", "hardly", "just enough", "kind of", "kinda", "kindof", "kind-of", "less", "little", "marginal",
            "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat",
            "sort of", "sorta", "sortof", "sort-of",
        ];
        var boosters = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var word in increments)
        {
            boosters[word] = BoosterIncrement;
        }

        foreach (var word in decrements)
        {
            boosters[word] = -BoosterIncrement;
        }

        return boosters;
    }
}
