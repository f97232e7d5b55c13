using System.Globalization;
using System.Text;

namespace StreamingMarketing.Tests.Observability;

/// <summary>A <c>/metrics</c> answer in Prometheus text format 0.0.4, parsed far enough for the tests to read names, labels and values.</summary>
public sealed class Scrape
{
    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    private Scrape(string text, List<Sample> samples, Dictionary<string, string> types, Dictionary<string, string> help)
    {
        Text = text;
        Samples = samples;
        Types = types;
        Help = help;
        SampleNames = samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
    }

    public string Text { get; }
    public IReadOnlyList<Sample> Samples { get; }

    /// <summary>Family name → counter, gauge, histogram...</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public IReadOnlyDictionary<string, string> Help { get; }

    /// <summary>Names as they appear on sample lines (a histogram shows as <c>_bucket</c>, <c>_sum</c>, <c>_count</c>): what PromQL selects.</summary>
    public IReadOnlySet<string> SampleNames { get; }

    public double Sum(string sampleName) => Samples.Where(s => s.Name == sampleName).Sum(s => s.Value);

    /// <summary>The lines of every family whose name starts with <paramref name="prefix"/>, as a scrape of its own.</summary>
    public string FamiliesStartingWith(string prefix) =>
        string.Join('\n', Text.Split('\n').Where(line => NameOf(line)?.StartsWith(prefix, StringComparison.Ordinal) == true)) + "\n";

    public static Scrape Parse(string text)
    {
        var samples = new List<Sample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal) || line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', 4);
                (parts[1] == "TYPE" ? types : help)[parts[2]] = parts.Length > 3 ? parts[3] : "";
            }
            else if (!line.StartsWith('#'))
            {
                samples.Add(ParseSample(line));
            }
        }

        return new Scrape(text, samples, types, help);
    }

    private static string? NameOf(string line)
    {
        if (line.StartsWith("# ", StringComparison.Ordinal))
        {
            var parts = line.Split(' ', 4);
            return parts.Length > 2 ? parts[2] : null;
        }

        var end = line.IndexOfAny(['{', ' ']);
        return end > 0 ? line[..end] : null;
    }

    private static Sample ParseSample(string line)
    {
        var name = NameOf(line) ?? throw new FormatException($"Not a sample line: {line}");
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var i = name.Length;
        if (line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var eq = line.IndexOf('=', i);
                var label = line[i..eq].Trim();
                var value = new StringBuilder();
                for (i = eq + 2; line[i] != '"'; i++)
                {
                    // Label values escape backslash, quote and newline with a backslash.
                    value.Append(line[i] == '\\' ? line[++i] switch { 'n' => '\n', var c => c } : line[i]);
                }

                labels[label] = value.ToString();
                i++;
                if (line[i] == ',')
                {
                    i++;
                }
            }

            i++;
        }

        var rest = line[i..].Trim().Split(' ');
        return new Sample(name, labels, ParseValue(rest[0]));
    }

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
