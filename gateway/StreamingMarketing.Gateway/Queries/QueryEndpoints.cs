using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Gateway.Privacy;

namespace StreamingMarketing.Gateway.Queries;

/// <summary>Read endpoints for campaign managers: the campaign list, one campaign, one user.</summary>
public static class QueryEndpoints
{
    public const int MaxPageSize = 500;

    /// <summary>Far past any real catalog, and small enough that (page − 1) × pageSize fits an int.</summary>
    public const int MaxPage = 1_000_000;

    public static IEndpointRouteBuilder MapQueries(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/campaigns", ListCampaignsAsync)
            .WithName("ListCampaigns")
            .WithSummary("List campaigns with headline KPIs, in the order they were first seen")
            .WithDescription($"page from 1 to {MaxPage} (default 1), pageSize from 1 to {MaxPageSize} (default 50); anything else is a 400.")
            .Produces<CampaignListResponse>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);

        app.MapGet("/api/campaigns/{campaignId}", GetCampaignAsync)
            .WithName("GetCampaign")
            .WithSummary("A campaign's totals, KPIs, windows, sentiment and top hashtags")
            .Produces<CampaignView>()
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);

        app.MapGet("/api/users/{userId}", GetUserAsync)
            .WithName("GetUser")
            .WithSummary("A user's profile: totals, campaigns, interests, sentiment")
            .Produces<UserView>()
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);

        return app;
    }

    private static async Task<IResult> ListCampaignsAsync(IClusterClient client, int? page, int? pageSize)
    {
        var size = pageSize ?? 50;
        var number = page ?? 1;
        if (size is < 1 or > MaxPageSize || number is < 1 or > MaxPage)
        {
            return Results.BadRequest(new ErrorResponse($"page must be between 1 and {MaxPage} and pageSize between 1 and {MaxPageSize}"));
        }

        var catalogPage = await client.GetGrain<ICampaignCatalogGrain>(0).GetPageAsync((number - 1) * size, size);
        var summaries = await Task.WhenAll(catalogPage.CampaignIds.Select(id => client.GetGrain<ICampaignGrain>(id).GetSummaryAsync()));
        return Results.Ok(new CampaignListResponse(summaries.OfType<CampaignSummary>().ToList(), number, size, catalogPage.Total));
    }

    private static async Task<IResult> GetCampaignAsync(IClusterClient client, string campaignId)
    {
        var view = await client.GetGrain<ICampaignGrain>(campaignId).GetViewAsync();
        return view is null
            ? Results.NotFound(new ErrorResponse($"No event was ever received for campaign '{campaignId}'."))
            : Results.Ok(view);
    }

    private static async Task<IResult> GetUserAsync(IClusterClient client, UserIdPseudonymizer pseudonyms, string userId)
    {
        foreach (var stored in pseudonyms.Candidates(userId))
        {
            if (await client.GetGrain<IUserProfileGrain>(stored).GetViewAsync() is { } view)
            {
                return Results.Ok(view);
            }
        }

        return Results.NotFound(new ErrorResponse($"No event was ever received for user '{userId}'."));
    }
}

public sealed record CampaignListResponse(List<CampaignSummary> Items, int Page, int PageSize, int Total);
