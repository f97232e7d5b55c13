using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Catalog;

/// <summary>Up to 1,000 campaign ids of the list, written through: a registration rewrites one chunk, never the whole list.</summary>
public sealed class CampaignCatalogChunkGrain(
    [PersistentState("catalog-chunk", StorageNames.GrainState)] IPersistentState<CampaignCatalogState> state)
    : Grain, ICampaignCatalogChunkGrain
{
    /// <summary>Ids saved so far: reads interleave with a write, and list only what the storage holds.</summary>
    private string[]? saved;

    private int Offset => (int)this.GetPrimaryKeyLong() * ICampaignCatalogChunkGrain.Size;

    public async Task PutAsync(int position, string[] campaignIds)
    {
        var index = position - Offset;
        var next = new List<string>(state.State.CampaignIds);
        next.RemoveRange(Math.Min(index, next.Count), next.Count - Math.Min(index, next.Count));
        next.AddRange(campaignIds);

        var current = state.State;
        state.State = new CampaignCatalogState { CampaignIds = next };
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = current;
            throw;
        }

        saved = [.. next];
    }

    public Task<string[]> GetAsync(int from, int count)
    {
        var ids = saved ?? [.. state.State.CampaignIds];
        return Task.FromResult(ids.Skip(Math.Max(0, from - Offset)).Take(Math.Max(0, count)).ToArray());
    }
}
