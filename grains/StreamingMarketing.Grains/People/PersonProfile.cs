using StreamingMarketing.Contracts.People;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Grains.People;

/// <summary>Sums user profiles into one person's: counts add, first and last seen widen, interests add per tag.</summary>
public static class PersonProfile
{
    public const int MaxInterests = 32;

    public static PersonView Merge(string personId, List<string> ids, IReadOnlyList<(string Id, UserView? View)> profiles)
    {
        var seen = profiles.Where(p => p.View is not null).Select(p => p.View!).ToList();
        var sentiment = seen.Select(v => v.Sentiment).ToList();
        var scored = sentiment.Sum(s => s.Positive + s.Neutral + s.Negative);
        var positive = sentiment.Sum(s => s.Positive);
        var negative = sentiment.Sum(s => s.Negative);
        return new PersonView
        {
            PersonId = personId,
            Ids = ids,
            UnseenIds = [.. profiles.Where(p => p.View is null).Select(p => p.Id)],
            Totals = Sum(seen.Select(v => v.Totals)),
            Platforms = Sum(seen.Select(v => v.Platforms)),
            Campaigns = [.. seen.SelectMany(v => v.Campaigns)
                .GroupBy(c => c.CampaignId, StringComparer.Ordinal)
                .Select(g => new UserCampaign(g.Key, g.Sum(c => c.Events), g.Max(c => c.LastSeen), g.MaxBy(c => c.LastSeen)!.Segment))
                .OrderByDescending(c => c.LastSeen)],
            Interests = [.. seen.SelectMany(v => v.Interests)
                .GroupBy(t => t.Tag, StringComparer.Ordinal)
                .Select(g => new TagWeight(g.Key, g.Sum(t => t.Weight)))
                .OrderByDescending(t => t.Weight).ThenBy(t => t.Tag, StringComparer.Ordinal)
                .Take(MaxInterests)],
            Sentiment = new SentimentView
            {
                Positive = positive,
                Neutral = sentiment.Sum(s => s.Neutral),
                Negative = negative,
                Unscored = sentiment.Sum(s => s.Unscored),
                MeanScore = scored == 0 ? null : sentiment.Sum(s => (s.MeanScore ?? 0) * (s.Positive + s.Neutral + s.Negative)) / scored,
                NetSentiment = scored == 0 ? null : (double)(positive - negative) / scored,
            },
            FirstSeen = seen.Select(v => v.FirstSeen).Where(t => t is not null).Min(),
            LastSeen = seen.Select(v => v.LastSeen).Where(t => t is not null).Max(),
            EngagementScore = seen.Sum(v => v.EngagementScore),
        };
    }

    private static Dictionary<string, long> Sum(IEnumerable<Dictionary<string, long>> counts)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, count) in counts.SelectMany(c => c))
        {
            sum[key] = sum.GetValueOrDefault(key) + count;
        }

        return sum;
    }
}
