using System.Text.RegularExpressions;
using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights.Voice;

/// <summary>
/// Which brands a campaign's text event mentions. Rule: every text event (comment or mention) of a campaign whose
/// metadata names a brand is a mention of that brand, named or not (the conversation is about it); the text also
/// mentions each competitor it names as a whole word, case-insensitively. At most once per brand per event.
/// </summary>
public sealed class BrandMatcher
{
    private readonly (string Key, string Name, Regex Pattern)[] competitors;

    public BrandMatcher(CampaignMetadata metadata)
    {
        Brand = metadata.Brand;
        competitors = metadata.Brand is null
            ? []
            : metadata.Competitors
                .Select(name => (VoiceWindows.BrandKey(name), name, new Regex(
                    $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50))))
                .ToArray();
    }

    public string? Brand { get; }

    /// <summary>(brand key, display name) of every brand the text event mentions.</summary>
    public IEnumerable<(string Key, string Name)> Mentions(string text)
    {
        if (Brand is null)
        {
            yield break;
        }

        yield return (VoiceWindows.BrandKey(Brand), Brand);
        foreach (var (key, name, pattern) in competitors)
        {
            bool found;
            try
            {
                found = pattern.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                found = false;
            }

            if (found)
            {
                yield return (key, name);
            }
        }
    }
}
