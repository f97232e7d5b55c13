using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Grains.Catalog;

/// <summary>
/// The campaign list, key 0: a count of its own and the ids in chunks of 1,000, so a registration writes one chunk
/// and a number instead of the whole list. A campaign registers once in its life (and again only if its own write
/// failed), and is listed once both writes succeeded; a failed registration leaves its position to the next one.
/// Reentrant so that registrations arriving while a write is in flight (a burst of new campaigns) share the next
/// write instead of queueing one write pair each behind it.
/// </summary>
[Reentrant]
public sealed class CampaignCatalogGrain(
    [PersistentState("catalog-count", StorageNames.GrainState)] IPersistentState<CampaignCatalogCount> state)
    : Grain, ICampaignCatalogGrain
{
    private HashSet<string>? known;
    private Task<HashSet<string>>? loadingKnown;
    private List<string> waiting = [];
    private readonly HashSet<string> inWrites = new(StringComparer.Ordinal);
    private Task? writing;

    /// <summary>Campaigns listed: reads interleave with a registration and see it only once it is saved.</summary>
    private int listed = -1;

    private static ICampaignCatalogChunkGrain Chunk(IGrainFactory grains, int position) =>
        grains.GetGrain<ICampaignCatalogChunkGrain>(position / ICampaignCatalogChunkGrain.Size);

    public async Task RegisterAsync(string campaignId)
    {
        known ??= await (loadingKnown ??= LoadKnownAsync());
        while (!known.Contains(campaignId))
        {
            // Waiting, or in the write in flight: either way, not to be written twice.
            if (inWrites.Add(campaignId))
            {
                waiting.Add(campaignId);
            }

            if (writing is { } inFlight)
            {
                // Registrations that arrive during a write go together in the next one; if this one fails, its
                // own caller hears of it and the next registration writes again.
                await inFlight.ContinueWith(static _ => { }, TaskScheduler.Current);
                continue;
            }

            writing = WriteWaitingAsync();
            try
            {
                await writing;
            }
            finally
            {
                writing = null;
            }
        }
    }

    /// <summary>Appends every waiting id: one chunk write per chunk they fall in, then the count.</summary>
    private async Task WriteWaitingAsync()
    {
        var ids = waiting;
        waiting = [];
        var position = state.State.Count;
        if (listed < 0)
        {
            listed = position;
        }
        try
        {
            for (var written = 0; written < ids.Count;)
            {
                var at = position + written;
                var room = ICampaignCatalogChunkGrain.Size - at % ICampaignCatalogChunkGrain.Size;
                var chunk = ids.Skip(written).Take(room).ToArray();
                await Chunk(GrainFactory, at).PutAsync(at, chunk);
                written += chunk.Length;
            }

            state.State.Count = position + ids.Count;
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Count = position;
            inWrites.ExceptWith(ids);
            throw;
        }

        known!.UnionWith(ids);
        inWrites.ExceptWith(ids);
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
