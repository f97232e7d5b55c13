using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Catalog;

/// <summary>
/// The campaign list. A single activation is fine here: each campaign registers once in its life, and reads
/// interleave. Registration is written through at once because a campaign marks itself registered after it, and a
/// campaign is listed (and remembered as registered) only once that write succeeded: a failed write is retried whole.
/// </summary>
public sealed class CampaignCatalogGrain(
    [PersistentState("catalog", StorageNames.GrainState)] IPersistentState<CampaignCatalogState> state)
    : Grain, ICampaignCatalogGrain
{
    private HashSet<string>? known;

    /// <summary>Ids saved so far: reads interleave with a write, and list only what the storage holds.</summary>
    private int saved = -1;

    public async Task RegisterAsync(string campaignId)
    {
        known ??= new HashSet<string>(state.State.CampaignIds, StringComparer.Ordinal);
        if (known.Contains(campaignId))
        {
            return;
        }

        var ids = state.State.CampaignIds;
        ids.Add(campaignId);
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            ids.RemoveAt(ids.Count - 1);
            throw;
        }

        known.Add(campaignId);
        saved = ids.Count;
    }

    public Task<CampaignPage> GetPageAsync(int skip, int take)
    {
        var ids = state.State.CampaignIds;
        var count = saved < 0 ? ids.Count : saved;
        var page = ids.Take(count).Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToArray();
        return Task.FromResult(new CampaignPage(page, count));
    }
}
