namespace StreamingMarketing.Training;

/// <summary>"--name value" options and "--flag" switches after the command name.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);

    public CommandLine(IEnumerable<string> arguments)
    {
        var list = arguments.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{list[i]}'.");
            }

            var hasValue = i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal);
            _options[list[i][2..]] = hasValue ? list[++i] : null;
        }
    }

    public string? Value(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public string Value(string name, string fallback) => Value(name) ?? fallback;

    public bool Flag(string name) => _options.ContainsKey(name);

    public int Number(string name, int fallback) => Value(name) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    public void EnsureOnly(params string[] known)
    {
        var unknown = _options.Keys.Except(known).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}.");
        }
    }
}
