using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Catalog;

/// <summary>
/// The campaign list, key 0: a count of its own and the ids in chunks of 1,000, so a registration writes one chunk
/// and a number instead of the whole list. A campaign registers once in its life (and again only if its own write
/// failed), and is listed once both writes succeeded; a failed registration leaves its position to the next one.
/// </summary>
public sealed class CampaignCatalogGrain(
    [PersistentState("catalog-count", StorageNames.GrainState)] IPersistentState<CampaignCatalogCount> state)
    : Grain, ICampaignCatalogGrain
{
    private HashSet<string>? known;

    /// <summary>Campaigns listed: reads interleave with a registration and see it only once it is saved.</summary>
    private int listed = -1;

    private static ICampaignCatalogChunkGrain Chunk(IGrainFactory grains, int position) =>
        grains.GetGrain<ICampaignCatalogChunkGrain>(position / ICampaignCatalogChunkGrain.Size);

    public async Task RegisterAsync(string campaignId)
    {
        known ??= await LoadKnownAsync();
        if (known.Contains(campaignId))
        {
            return;
        }

        var position = state.State.Count;
        await Chunk(GrainFactory, position).PutAsync(position, campaignId);
        state.State.Count = position + 1;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Count = position;
            throw;
        }

        known.Add(campaignId);
        listed = state.State.Count;
    }

    public async Task<CampaignPage> GetPageAsync(int skip, int take)
    {
        var total = listed < 0 ? state.State.Count : listed;
        var from = Math.Clamp(skip, 0, total);
        var count = Math.Clamp(take, 0, total - from);
        var ids = new List<string>(count);
        while (ids.Count < count)
        {
            var position = from + ids.Count;
            var inChunk = ICampaignCatalogChunkGrain.Size - position % ICampaignCatalogChunkGrain.Size;
            ids.AddRange(await Chunk(GrainFactory, position).GetAsync(position, Math.Min(inChunk, count - ids.Count)));
        }

        return new CampaignPage([.. ids], total);
    }

    private async Task<HashSet<string>> LoadKnownAsync()
    {
        var page = await GetPageAsync(0, state.State.Count);
        return new HashSet<string>(page.CampaignIds, StringComparer.Ordinal);
    }
}
