using System.Text.Json.Nodes;

namespace StreamingMarketing.Benchmarks.Report;

/// <summary>
/// One benchmark's part of the performance report: the command-line arguments that ran it and the figures of its last
/// output line (a JSON object), or why it has none.
/// </summary>
public sealed record BenchmarkRun(string Name, string Arguments, JsonObject? Figures, string? Failure = null)
{
    /// <summary>The last line of a benchmark's output that parses as a JSON object: every end-to-end bench ends with one.</summary>
    public static JsonObject? LastJsonLine(string output)
    {
        foreach (var line in output.Split('\n').Reverse())
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith('{'))
            {
                continue;
            }

            try
            {
                if (JsonNode.Parse(trimmed) is JsonObject figures)
                {
                    return figures;
                }
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }

        return null;
    }
}
