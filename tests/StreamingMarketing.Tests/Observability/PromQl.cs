using System.Text.RegularExpressions;

namespace StreamingMarketing.Tests.Observability;

/// <summary>Pulls the metric names out of a PromQL expression (or a Grafana template query), for checking them against a scrape.</summary>
public static partial class PromQl
{
    private static readonly HashSet<string> Keywords =
        ["by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool", "and", "or", "unless", "inf", "nan", "atan2"];

    public static IReadOnlySet<string> MetricNames(string expression)
    {
        // Strip what can hold identifiers that are not metric names: strings, label matchers, ranges, grouping label lists.
        var rest = StringLiteral().Replace(expression, " ");
        rest = Braces().Replace(rest, " ");
        rest = Brackets().Replace(rest, " ");
        rest = Grouping().Replace(rest, " ");
        return Identifier().Matches(rest)
            .Where(m => !m.Groups["call"].Success && !Keywords.Contains(m.Groups["name"].Value.ToLowerInvariant()))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Grafana's <c>label_values(selector, label)</c> template query: its last argument names a label, not a metric.</summary>
    public static IReadOnlySet<string> TemplateQueryMetricNames(string query)
    {
        var labelValues = LabelValues().Match(query);
        return MetricNames(labelValues.Success ? labelValues.Groups["selector"].Value : query);
    }

    [GeneratedRegex(@"^\s*label_values\((?<selector>.*),\s*\w+\s*\)\s*$")]
    private static partial Regex LabelValues();

    [GeneratedRegex("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Braces();

    [GeneratedRegex(@"\[[^\]]*\]")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", RegexOptions.IgnoreCase)]
    private static partial Regex Grouping();

    /// <summary>An identifier not glued to a number (1e3, 5m) nor a variable ($job); followed by "(" it is a function call.</summary>
    [GeneratedRegex(@"(?<![\w.$])(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?<call>\s*\()?")]
    private static partial Regex Identifier();
}
