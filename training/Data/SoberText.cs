using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace StreamingMarketing.Training;

/// <summary>
/// Sober text that is never an insult: VADER's NYT editorial snippets and its negative Amazon review snippets
/// (mean human rating below 0, i.e. complaints). Split by document, half for training the brand-safety heads as
/// hard negatives and half held out to measure how often they flag such text; sentences of one editorial or one
/// review stay on one side, so the held-out half is not a paraphrase of the training half.
/// </summary>
public sealed record SoberText(IReadOnlyList<string> Training, IReadOnlyList<string> HeldOut)
{
    public const string Description = "VADER NYT editorial snippets + Amazon review snippets rated negative (data/vader/)";

    private static readonly (string File, Func<double, bool> Keep)[] Sources =
    [
        ("vader/nyt_editorials.tsv", _ => true),
        ("vader/amazon_reviews.tsv", rating => rating < 0),
    ];

    public static SoberText Load(string datasets)
    {
        var training = new List<string>();
        var heldOut = new List<string>();
        foreach (var (file, keep) in Sources)
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
                (IsHeldOut(file, document) ? heldOut : training).Add(columns[2]);
            }
        }

        return new SoberText(training, heldOut);
    }

    /// <summary>A fixed, content-independent split: the parity of a hash of the source file and document number.</summary>
    public static bool IsHeldOut(string file, string document) =>
        (SHA256.HashData(Encoding.UTF8.GetBytes($"{file}#{document}"))[0] & 1) == 1;
}
