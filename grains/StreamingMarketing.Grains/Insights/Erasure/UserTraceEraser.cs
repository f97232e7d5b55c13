using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Alerts;

namespace StreamingMarketing.Grains.Insights.Erasure;

/// <summary>
/// Removes one user's traces from a campaign's insights state, free of Orleans: negative comments, texts waiting for a
/// score, influencer and post-author entries, author burst counters and alert drivers. Counts, windows and sentiment
/// totals are sums over everyone and stay as they are.
/// </summary>
public static class UserTraceEraser
{
    /// <summary>What was removed; <paramref name="Pending"/> are the user's texts still waiting for a score, which the grain counts unscored.</summary>
    public sealed record Outcome(long Removed, string[] TextFingerprints, PendingText[] Pending);

    public static Outcome Erase(CampaignInsightsState state, string userId)
    {
        var texts = new List<string>();
        long removed = 0;

        foreach (var comment in state.MostNegative.Where(c => c.UserId == userId))
        {
            texts.Add(comment.Text);
        }

        removed += state.MostNegative.RemoveAll(c => c.UserId == userId);

        var pending = state.PendingTexts.Where(t => t.UserId == userId).ToArray();
        texts.AddRange(pending.Select(t => t.Text));
        state.PendingTexts.RemoveAll(t => t.UserId == userId);
        removed += pending.Length;

        removed += state.Influencers.Users.Remove(userId) ? 1 : 0;
        foreach (var post in state.Posts.Authors.Where(pair => pair.Value == userId).Select(pair => pair.Key).ToList())
        {
            state.Posts.Authors.Remove(post);
            removed++;
        }

        removed += state.Drivers.Authors.Counters.Remove(userId) ? 1 : 0;
        removed += state.Drivers.NegativeAuthors.Counters.Remove(userId) ? 1 : 0;
        removed += EraseFromAlerts(state.Alerts, userId);

        return new Outcome(removed, [.. texts.Distinct(StringComparer.Ordinal).Select(ErasureFingerprint.Of)], pending);
    }

    private static int EraseFromAlerts(AlertBook book, string userId)
    {
        var removed = 0;
        foreach (var (rule, alert) in book.Open.ToList())
        {
            if (AlertDriverEraser.Without(alert, userId) is { } cleaned)
            {
                book.Open[rule] = cleaned;
                removed++;
            }
        }

        removed += AlertDriverEraser.ReplaceAll(book.Resolved, userId);
        removed += AlertDriverEraser.ReplaceAll(book.Unpublished, userId);
        return removed;
    }
}
