namespace StreamingMarketing.Contracts.Grains;

/// <summary>
/// One chunk of the campaign list, key = chunk number: the ids at positions
/// [number × <see cref="Size"/>, (number + 1) × <see cref="Size"/>). Only the catalog grain writes it.
/// </summary>
public interface ICampaignCatalogChunkGrain : IGrainWithIntegerKey
{
    public const int Size = 1_000;

    /// <summary>
    /// Puts the ids at consecutive positions from <paramref name="position"/>, replacing what a failed registration
    /// may have left there, in one write.
    /// </summary>
    Task PutAsync(int position, string[] campaignIds);

    [AlwaysInterleave]
    Task<string[]> GetAsync(int from, int count);
}
