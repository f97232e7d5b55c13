using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Insights;

/// <summary><c>GET /api/campaigns/{id}/influencers</c>: users whose posts draw the most engagement in a campaign.</summary>
public static class InfluencersEndpoints
{
    public static IEndpointRouteBuilder MapInfluencers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/campaigns/{campaignId}/influencers", GetAsync)
            .WithName(InsightsEndpoints.GetInfluencers)
            .WithTags("Insights")
            .WithSummary("Users ranked by the shares, mentions, replies, follows and likes their posts draw from others")
            .Produces<InfluencersResponse>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(IClusterClient client, string campaignId, int? top)
    {
        if (InsightsEndpoints.CheckCount("top", top, 200) is { } problem)
        {
            return Results.BadRequest(new ErrorResponse(problem));
        }

        var influencers = await client.GetGrain<ICampaignGrain>(campaignId).GetInfluencersAsync(top ?? 20);
        return influencers is null
            ? Results.NotFound(new ErrorResponse($"No event was ever received for campaign '{campaignId}'."))
            : Results.Ok(new InfluencersResponse(campaignId, influencers));
    }
}

public sealed record InfluencersResponse(string CampaignId, List<InfluencerView> Influencers);
