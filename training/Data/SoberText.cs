using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StreamingMarketing.Training;

/// <summary>One sober snippet: its text, which kind of sober text it is, and the document (editorial, review) it comes from.</summary>
public sealed record SoberSnippet(string Text, SoberKind Kind, string Document);

/// <summary>The kinds of sober text, each held to the flag-rate ceiling on its own (<see cref="OperatingPoint"/>).</summary>
public enum SoberKind
{
    /// <summary>NYT editorial sentences: argued, formal, often negative in tone.</summary>
    Editorial,

    /// <summary>Sentences of Amazon reviews rated negative: the plain product complaints a brand sees most.</summary>
    Complaint,
}

/// <summary>
/// Sober text that is never an insult: VADER's NYT editorial snippets and its negative Amazon review snippets
/// (mean human rating below 0, i.e. complaints). Split by document, half for training the brand-safety heads as
/// hard negatives and half held out to measure how often they flag such text; sentences of one editorial or one
/// review stay on one side, so the held-out half is not a paraphrase of the training half.
/// </summary>
public sealed record SoberText(IReadOnlyList<SoberSnippet> TrainingSnippets, IReadOnlyList<SoberSnippet> HeldOutSnippets)
{
    public const string Description = "VADER NYT editorial snippets + Amazon review snippets rated negative (data/vader/)";

    private static readonly (string File, SoberKind Kind, Func<double, bool> Keep)[] Sources =
    [
        ("vader/nyt_editorials.tsv", SoberKind.Editorial, _ => true),
        ("vader/amazon_reviews.tsv", SoberKind.Complaint, rating => rating < 0),
    ];

    public IReadOnlyList<string> Training => [.. TrainingSnippets.Select(s => s.Text)];

    public IReadOnlyList<string> HeldOut => [.. HeldOutSnippets.Select(s => s.Text)];

    public static SoberText Load(string datasets)
    {
        var training = new List<SoberSnippet>();
        var heldOut = new List<SoberSnippet>();
        foreach (var (file, kind, keep) in Sources)
        {
            foreach (var line in File.ReadLines(Path.Combine(datasets, file)).Skip(1))
            {
                // id <TAB> mean_rating <TAB> text; ids are "<document>_<sentence>".
                var columns = line.Split('\t', 3);
                if (columns.Length < 3 || !keep(double.Parse(columns[1], CultureInfo.InvariantCulture)) || string.IsNullOrWhiteSpace(columns[2]))
                {
                    continue;
                }

                var document = columns[0].Split('_')[0];
                (IsHeldOut(file, document) ? heldOut : training).Add(new SoberSnippet(columns[2], kind, $"{file}#{document}"));
            }
        }

        return new SoberText(training, heldOut);
    }

    /// <summary>A fixed, content-independent split: the parity of a hash of the source file and document number.</summary>
    public static bool IsHeldOut(string file, string document) =>
        (SHA256.HashData(Encoding.UTF8.GetBytes($"{file}#{document}"))[0] & 1) == 1;
}
