namespace StreamingMarketing.Grains.Catalog;

[GenerateSerializer]
public sealed class CampaignCatalogState
{
    /// <summary>Campaign ids in the order they were first seen; paging walks this order.</summary>
    [Id(0)] public List<string> CampaignIds { get; set; } = [];
}
