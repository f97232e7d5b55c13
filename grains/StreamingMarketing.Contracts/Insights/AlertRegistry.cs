using System.Text;

namespace StreamingMarketing.Contracts.Insights;

/// <summary>
/// The alert registry is sharded by campaign, so a transition rewrites one shard's list, not every campaign's; a
/// campaign's alerts always land in the same shard (a stable hash, the same in every process).
/// </summary>
public static class AlertRegistry
{
    public const int Shards = 16;

    public static string KeyFor(string campaignId)
    {
        // FNV-1a over UTF-8: string.GetHashCode differs between processes.
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(campaignId))
        {
            hash = (hash ^ b) * 16777619u;
        }

        return $"shard-{hash % Shards}";
    }

    /// <summary>Every shard's alerts, newest first: open ones by when they opened, then resolved ones by when they resolved.</summary>
    public static async Task<List<AlertView>> ListAsync(IGrainFactory grains, string filter, int limit)
    {
        var shards = await Task.WhenAll(Enumerable.Range(0, Shards).Select(shard =>
            grains.GetGrain<IAlertRegistryGrain>($"shard-{shard}").ListAsync(filter, limit)));
        var all = shards.SelectMany(alerts => alerts).ToList();
        var open = all.Where(a => a.State == AlertStates.Open).OrderByDescending(a => a.OpenedAt);
        var resolved = all.Where(a => a.State != AlertStates.Open).OrderByDescending(a => a.ResolvedAt);
        return open.Concat(resolved).Take(limit).ToList();
    }
}
