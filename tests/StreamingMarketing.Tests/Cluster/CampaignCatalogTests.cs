using StreamingMarketing.Contracts.Grains;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>
/// The campaign list in chunks: paging across chunk boundaries keeps first-seen order, a repeat is listed once, and a
/// burst of concurrent registrations lists each campaign once.
/// </summary>
[Trait("Category", "Cluster")]
public sealed class CampaignCatalogTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Pages_across_chunks_list_every_campaign_once_in_the_order_first_seen()
    {
        var catalog = fixture.Client.GetGrain<ICampaignCatalogGrain>(0);
        var before = (await catalog.GetPageAsync(0, 0)).Total;
        var ids = Enumerable.Range(0, 2_300).Select(i => $"catalog-{i:D5}-{Guid.NewGuid():N}").ToList();

        foreach (var id in ids)
        {
            await catalog.RegisterAsync(id);
        }

        await catalog.RegisterAsync(ids[1_500]);
        var page = await catalog.GetPageAsync(before + 950, 1_200);
        var all = await catalog.GetPageAsync(before, 5_000);

        Assert.Equal(before + ids.Count, page.Total);
        Assert.Equal(ids.Skip(950).Take(1_200), page.CampaignIds);
        Assert.Equal(ids, all.CampaignIds);
    }

    [Fact]
    public async Task A_burst_of_concurrent_registrations_across_chunks_lists_each_campaign_once()
    {
        var catalog = fixture.Client.GetGrain<ICampaignCatalogGrain>(0);
        var before = (await catalog.GetPageAsync(0, 0)).Total;
        var ids = Enumerable.Range(0, 1_500).Select(i => $"burst-{i:D5}-{Guid.NewGuid():N}").ToList();

        // Every id twice, all at once: registrations share writes while one is in flight, and a repeat waits for it.
        await Task.WhenAll(ids.Concat(ids).Select(id => catalog.RegisterAsync(id)));
        var all = await catalog.GetPageAsync(before, 5_000);

        Assert.Equal(before + ids.Count, all.Total);
        Assert.Equal(ids.Order(StringComparer.Ordinal), all.CampaignIds.Order(StringComparer.Ordinal));
    }
}
