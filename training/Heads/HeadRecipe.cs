using System.Globalization;

namespace StreamingMarketing.Training;

/// <summary>
/// How to train a head, written into the package manifest as a spec string (e.g.
/// <c>ensemble(logreg(l2=300,l1=1)+mlp(hidden=256,epochs=12,dropout=0.3,decay=0.0001,lr=0.001,seed=1,lexicon))</c>),
/// so the publish gate can re-run the serving model's recipe on the candidate's folds.
/// </summary>
public abstract record HeadRecipe
{
    /// <summary>What the head reads beside the embedding.</summary>
    public abstract HeadInputs Inputs { get; }

    /// <summary>Whether the head takes VADER's valence scores beside the embedding.</summary>
    public bool UsesLexicon => Inputs.Valence;

    public abstract string Spec { get; }

    /// <summary>
    /// Fits on <paramref name="features"/> (laid out as <see cref="Inputs"/> says); each row's loss is
    /// its class weight times its row weight (<paramref name="weights"/>, 1 when null).
    /// </summary>
    public abstract HeadModel Fit(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, IReadOnlyList<float>? weights = null);

    public override string ToString() => Spec;

    /// <summary>
    /// N / (K · n_c) over the row-weighted counts: every class weighs the same in total, which is what macro-recall
    /// rewards, however its rows are weighted among themselves.
    /// </summary>
    public static float[] ClassWeights(IReadOnlyList<int> labels, int classes, IReadOnlyList<float>? weights = null)
    {
        if (weights is null)
        {
            var plain = new int[classes];
            foreach (var label in labels)
            {
                plain[label]++;
            }

            return plain.Select(n => n == 0 ? 0f : labels.Count / (float)(classes * n)).ToArray();
        }

        var counts = new double[classes];
        for (var i = 0; i < labels.Count; i++)
        {
            counts[labels[i]] += weights[i];
        }

        var total = counts.Sum();
        return counts.Select(n => n == 0 ? 0f : (float)(total / (classes * n))).ToArray();
    }

    /// <summary>Class weight × row weight of every row.</summary>
    public static float[] RowLossWeights(IReadOnlyList<int> labels, int classes, IReadOnlyList<float>? weights)
    {
        var classWeights = ClassWeights(labels, classes, weights);
        return [.. labels.Select((label, i) => classWeights[label] * (weights?[i] ?? 1f))];
    }

    public static HeadRecipe Parse(string spec)
    {
        spec = spec.Trim();
        var open = spec.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !spec.EndsWith(')'))
        {
            throw new ArgumentException($"Head recipe '{spec}' is not of the form name(arguments).");
        }

        var name = spec[..open];
        var body = spec[(open + 1)..^1];
        return name switch
        {
            "logreg" => LogisticRecipe.From(Arguments(body)),
            "mlp" => MlpRecipe.From(Arguments(body)),
            "ensemble" => EnsembleRecipe.Of(SplitTopLevel(body, '+').Select(Parse).ToList()),
            _ => throw new ArgumentException($"Unknown head recipe '{name}': expected logreg, mlp or ensemble."),
        };
    }

    private static Dictionary<string, string?> Arguments(string body) =>
        SplitTopLevel(body, ',').Where(a => a.Length > 0).Select(a => a.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : null, StringComparer.Ordinal);

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0 && text[i] == separator)
            {
                parts.Add(text[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(text[start..].Trim());
        return parts;
    }

    protected static float FloatArgument(Dictionary<string, string?> arguments, string name, float fallback) =>
        arguments.TryGetValue(name, out var value) && value is not null ? float.Parse(value, CultureInfo.InvariantCulture) : fallback;

    protected static string Format(float value) => value.ToString("G6", CultureInfo.InvariantCulture);
}

/// <summary>
/// Several heads whose probabilities are averaged; members without the lexicon ignore its columns. Insult cues sit
/// after the lexicon's columns, so an ensemble that takes them takes them in every member, with the same inputs.
/// </summary>
public sealed record EnsembleRecipe(IReadOnlyList<HeadRecipe> Members) : HeadRecipe
{
    public override HeadInputs Inputs => new(Members.Any(m => m.Inputs.Valence), Members.Any(m => m.Inputs.Insults));

    public static EnsembleRecipe Of(IReadOnlyList<HeadRecipe> members) =>
        members.Any(m => m.Inputs.Insults) && members.Any(m => m.Inputs != members[0].Inputs)
            ? throw new ArgumentException("An ensemble whose members take insult cues needs every member to take the same inputs.")
            : new EnsembleRecipe(members);

    public override string Spec => $"ensemble({string.Join("+", Members.Select(m => m.Spec))})";

    public override HeadModel Fit(IReadOnlyList<float[]> features, IReadOnlyList<int> labels, int classes, IReadOnlyList<float>? weights = null)
    {
        var networks = new List<DenseNetwork>();
        foreach (var member in Members)
        {
            var own = member.UsesLexicon || !UsesLexicon ? features : FeatureSet.WithoutLexicon(features);
            networks.AddRange(member.Fit(own, labels, classes, weights).Members.Select(n => n.Inputs < features[0].Length ? n.PadInputs(features[0].Length) : n));
        }

        return new HeadModel(networks, Inputs);
    }
}
