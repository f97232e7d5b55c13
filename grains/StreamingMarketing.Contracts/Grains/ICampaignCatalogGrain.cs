namespace StreamingMarketing.Contracts.Grains;

/// <summary>The list of campaign ids ever seen, for paging; key 0. Campaign grains register once, on first event.</summary>
public interface ICampaignCatalogGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(string campaignId);

    [AlwaysInterleave]
    Task<CampaignPage> GetPageAsync(int skip, int take);
}

[GenerateSerializer, Immutable]
public sealed record CampaignPage([property: Id(0)] string[] CampaignIds, [property: Id(1)] int Total);
