using System.Text;
using StreamingMarketing.Recommend.Model;
using StreamingMarketing.Recommend.Training;

namespace StreamingMarketing.Recommend.Registry;

/// <summary>The factors file of a package (<c>factors.bin</c>): a magic and format number, then each kind's model.</summary>
public static class RecommenderPackage
{
    public const string FactorsFile = "factors.bin";
    private const string Magic = "SMREC";
    private const int Format = 1;

    public static void Write(Stream stream, IReadOnlyDictionary<RecommendationKind, FactorModel> kinds)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Format);
        w.Write(kinds.Count);
        foreach (var (kind, m) in kinds)
        {
            w.Write(kind.ToWireName());
            var s = m.Settings;
            w.Write(s.Factors);
            w.Write(s.Iterations);
            w.Write(s.Regularization);
            w.Write(s.Alpha);
            w.Write(s.Seed);
            WriteStrings(w, m.Users);
            WriteFactors(w, m.UserFactors);
            WriteStrings(w, m.Items);
            WriteFactors(w, m.ItemFactors);
            foreach (var row in m.History)
            {
                w.Write(row.Length);
                foreach (var (item, weight) in row)
                {
                    w.Write(item);
                    w.Write(weight);
                }
            }

            foreach (var p in m.Popularity)
            {
                w.Write(p);
            }

            foreach (var tags in m.ItemTags)
            {
                WriteStrings(w, tags);
            }
        }
    }

    public static Dictionary<RecommendationKind, FactorModel> Read(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (r.ReadString() != Magic || r.ReadInt32() != Format)
        {
            throw new InvalidDataException("not a recommender factors file of format 1");
        }

        var kinds = new Dictionary<RecommendationKind, FactorModel>();
        var count = r.ReadInt32();
        for (var n = 0; n < count; n++)
        {
            if (!RecommendationKinds.TryParse(r.ReadString(), out var kind))
            {
                throw new InvalidDataException("unknown recommendation kind");
            }

            var settings = new AlsSettings(r.ReadInt32(), r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadInt32());
            var users = ReadStrings(r);
            var userFactors = ReadFactors(r, users.Length, settings.Factors);
            var items = ReadStrings(r);
            var itemFactors = ReadFactors(r, items.Length, settings.Factors);
            var history = new (int, double)[users.Length][];
            for (var u = 0; u < users.Length; u++)
            {
                history[u] = new (int, double)[r.ReadInt32()];
                for (var h = 0; h < history[u].Length; h++)
                {
                    history[u][h] = (r.ReadInt32(), r.ReadDouble());
                }
            }

            var popularity = new double[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                popularity[i] = r.ReadDouble();
            }

            var tags = new string[items.Length][];
            for (var i = 0; i < items.Length; i++)
            {
                tags[i] = ReadStrings(r);
            }

            kinds[kind] = new FactorModel(settings, users, userFactors, items, itemFactors, history, popularity, tags);
        }

        return kinds;
    }

    private static void WriteStrings(BinaryWriter w, string[] values)
    {
        w.Write(values.Length);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var values = new string[r.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = r.ReadString();
        }

        return values;
    }

    private static void WriteFactors(BinaryWriter w, double[][] factors)
    {
        foreach (var row in factors)
        {
            foreach (var v in row)
            {
                w.Write((float)v);
            }
        }
    }

    private static double[][] ReadFactors(BinaryReader r, int rows, int k)
    {
        var factors = new double[rows][];
        for (var i = 0; i < rows; i++)
        {
            factors[i] = new double[k];
            for (var a = 0; a < k; a++)
            {
                factors[i][a] = r.ReadSingle();
            }
        }

        return factors;
    }
}
