namespace StreamingMarketing.Grains.Catalog;

/// <summary>A chunk's ids, in the order they were first seen; paging walks this order.</summary>
[GenerateSerializer]
public sealed class CampaignCatalogState
{
    [Id(0)] public List<string> CampaignIds { get; set; } = [];
}

/// <summary>The catalog's own state: how many campaigns the chunks hold.</summary>
[GenerateSerializer]
public sealed class CampaignCatalogCount
{
    [Id(0)] public int Count { get; set; }
}
