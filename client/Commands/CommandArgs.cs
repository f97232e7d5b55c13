using System.Globalization;

namespace StreamingMarketing.Client.Commands;

/// <summary>
/// The arguments of one command: <c>--name value</c> options, <c>--flag</c> switches and positionals, in any order.
/// Which names are switches is declared, so that <c>--json campaign-7</c> cannot swallow the positional.
/// </summary>
public sealed class CommandArgs
{
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);

    public List<string> Positionals { get; } = [];

    public static CommandArgs Parse(IEnumerable<string> args, params string[] switches)
    {
        var parsed = new CommandArgs();
        using var items = args.GetEnumerator();
        while (items.MoveNext())
        {
            var arg = items.Current;
            if (arg == "--")
            {
                while (items.MoveNext())
                {
                    parsed.Positionals.Add(items.Current);
                }
            }
            else if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                parsed.Positionals.Add(arg);
            }
            else if (arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                parsed.options[arg[..equals]] = arg[(equals + 1)..];
            }
            else if (switches.Contains(arg))
            {
                parsed.flags.Add(arg);
            }
            else
            {
                parsed.options[arg] = items.MoveNext() ? items.Current : throw new UsageException($"{arg} needs a value.");
            }
        }

        return parsed;
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Value(string name) => options.GetValueOrDefault(name);

    public IEnumerable<string> OptionNames => options.Keys.Concat(flags);

    public int Number(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Value(name) is not { } raw)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} must be a whole number between {min} and {max} (got '{raw}').");
    }

    /// <summary>Refuses options the command does not know: a typo must not silently fall back to a default.</summary>
    public void AllowOnly(params string[] known)
    {
        if (OptionNames.FirstOrDefault(name => !known.Contains(name)) is { } unknown)
        {
            throw new UsageException($"unknown option {unknown}.");
        }
    }
}

/// <summary>Bad usage: the message is printed with the usage text and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);
