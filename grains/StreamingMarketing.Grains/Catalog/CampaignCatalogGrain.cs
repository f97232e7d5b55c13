using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Catalog;

/// <summary>
/// The campaign list. A single activation is fine here: each campaign registers once in its life, and reads
/// interleave. Registration is written through at once because a campaign marks itself registered after it.
/// </summary>
public sealed class CampaignCatalogGrain(
    [PersistentState("catalog", StorageNames.GrainState)] IPersistentState<CampaignCatalogState> state)
    : Grain, ICampaignCatalogGrain
{
    private HashSet<string>? known;

    public async Task RegisterAsync(string campaignId)
    {
        known ??= new HashSet<string>(state.State.CampaignIds, StringComparer.Ordinal);
        if (known.Add(campaignId))
        {
            state.State.CampaignIds.Add(campaignId);
            await state.WriteStateAsync();
        }
    }

    public Task<CampaignPage> GetPageAsync(int skip, int take)
    {
        var ids = state.State.CampaignIds;
        var page = ids.Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToArray();
        return Task.FromResult(new CampaignPage(page, ids.Count));
    }
}
