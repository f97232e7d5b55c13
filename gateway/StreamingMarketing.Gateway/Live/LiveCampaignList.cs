using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Views;

namespace StreamingMarketing.Gateway.Live;

/// <summary>What <c>GET /api/live</c> pushes, and the page embeds on first paint: the newest campaigns and how many exist in all.</summary>
public sealed record LiveCampaignList(List<CampaignSummary> Items, int Total)
{
    /// <summary>
    /// The newest campaigns (the catalog's tail, by first event): a dashboard shows this many at once, and a campaign
    /// that just started must appear on it however many older ones exist.
    /// </summary>
    public const int Size = 100;

    public static async Task<LiveCampaignList?> ReadAsync(IClusterClient client)
    {
        var catalog = client.GetGrain<ICampaignCatalogGrain>(0);
        var page = await catalog.GetPageAsync(0, Size);
        if (page.Total > Size)
        {
            page = await catalog.GetPageAsync(page.Total - Size, Size);
        }

        var summaries = await Task.WhenAll(page.CampaignIds.Select(id => client.GetGrain<ICampaignGrain>(id).GetSummaryAsync()));
        return new LiveCampaignList(summaries.OfType<CampaignSummary>().ToList(), page.Total);
    }
}
