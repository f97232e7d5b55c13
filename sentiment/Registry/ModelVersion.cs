using System.Text.RegularExpressions;

namespace StreamingMarketing.Sentiment;

/// <summary>Version names double as directory and blob prefixes, so they are kept to a safe alphabet.</summary>
public static partial class ModelVersion
{
    public static void EnsureValid(string version)
    {
        if (!Pattern().IsMatch(version))
        {
            throw new ArgumentException($"Model version '{version}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit.", nameof(version));
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex Pattern();
}
