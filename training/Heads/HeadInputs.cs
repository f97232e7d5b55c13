using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// What a head reads, in column order: the 384-d embedding, then VADER's four valence scores when
/// <see cref="Valence"/>, then the four insult cues when <see cref="Insults"/>. Written into a recipe's spec as
/// the flags <c>lexicon</c> and <c>insults</c>.
/// </summary>
public readonly record struct HeadInputs(bool Valence, bool Insults)
{
    public int Width => SentenceEncoder.Dimensions + (Valence ? ValenceScores.Count : 0) + (Insults ? InsultCues.Count : 0);

    public string SpecFlags => (Valence ? ",lexicon" : "") + (Insults ? ",insults" : "");

    public static HeadInputs From(Dictionary<string, string?> arguments) =>
        new(arguments.ContainsKey("lexicon"), arguments.ContainsKey("insults"));
}
