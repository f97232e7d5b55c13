using StreamingMarketing.Contracts.Insights;

namespace StreamingMarketing.Grains.Insights;

/// <summary>
/// What a campaign owes the cross-campaign grains (global trends, brands), summed per item and minute and sent every
/// <see cref="FlushInterval"/> or once <see cref="FlushAtEntries"/> entries pile up: one one-way call per flush
/// instead of one per event keeps those single activations far from saturation. Lost with the activation on a crash
/// (a few seconds of trends and mentions), never persisted.
/// </summary>
public sealed class InsightsOutbox
{
    public const int FlushAtEntries = 2_000;
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(2);

    private Dictionary<(string, long), long> hashtags = [];
    private Dictionary<(string, long), long> keywords = [];
    private Dictionary<string, BrandMentions> mentions = new(StringComparer.Ordinal);
    private int entries;
    private DateTime lastFlush;

    public bool IsEmpty => entries == 0;

    public bool IsDue(DateTime now) => entries >= FlushAtEntries || (entries > 0 && now - lastFlush >= FlushInterval);

    public void AddHashtag(string tag, DateTime at) => Count(hashtags, tag, at);

    public void AddKeyword(string keyword, DateTime at) => Count(keywords, keyword, at);

    public void AddMention(string brandKey, string brand, DateTime at)
    {
        if (!mentions.TryGetValue(brandKey, out var batch))
        {
            mentions[brandKey] = batch = new BrandMentions(brand, []);
        }

        var minute = MinuteOf(at);
        batch.CountsByMinute[minute] = batch.CountsByMinute.GetValueOrDefault(minute) + 1;
        entries++;
    }

    /// <summary>Sends everything with one-way calls (nothing waits on the receivers) and starts afresh.</summary>
    public void Flush(IGrainFactory grains, DateTime now)
    {
        lastFlush = now;
        if (entries == 0)
        {
            return;
        }

        if (hashtags.Count > 0 || keywords.Count > 0)
        {
            _ = grains.GetGrain<ITrendsGrain>(ITrendsGrain.Key).AddAsync(new TrendCounts(hashtags, keywords));
        }

        foreach (var (key, batch) in mentions)
        {
            _ = grains.GetGrain<IBrandGrain>(key).AddMentionsAsync(batch);
        }

        (hashtags, keywords, mentions, entries) = ([], [], new(StringComparer.Ordinal), 0);
    }

    private void Count(Dictionary<(string, long), long> counts, string item, DateTime at)
    {
        var key = (item, MinuteOf(at));
        counts[key] = counts.GetValueOrDefault(key) + 1;
        entries++;
    }

    private static long MinuteOf(DateTime at) => at.Ticks - (at.Ticks % TimeSpan.TicksPerMinute);
}
