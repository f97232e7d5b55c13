using StreamingMarketing.Contracts.Grains;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>The campaign list in chunks: paging across chunk boundaries keeps first-seen order, and a repeat is listed once.</summary>
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
}
