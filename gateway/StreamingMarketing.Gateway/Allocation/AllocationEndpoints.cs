using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Allocation;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Allocation;

/// <summary><c>GET /api/campaigns/{id}/allocation</c>: the share of the next traffic each creative should get.</summary>
public static class AllocationEndpoints
{
    /// <summary>Endpoint name (OpenAPI operationId), for the auth table.</summary>
    public const string GetAllocation = "GetAllocation";

    public static IEndpointRouteBuilder MapAllocation(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/campaigns/{campaignId}/allocation", GetAsync)
            .WithName(GetAllocation)
            .WithTags("Experiments")
            .WithSummary("The recommended share of the next traffic per variant, from Thompson sampling on the variants' Beta posteriors")
            .WithDescription(
                "metric: ctr (default), engagementRate or conversionRate, each per impression. Each live variant gets at least " +
                "Allocation:MinShare, a paused variant (metadata pausedVariants) 0; a step moves a share by at most Allocation:MaxShareChange " +
                "and needs Allocation:MinImpressionsPerStep new impressions, so reading more often does not move the split faster. " +
                "Shares sum to 1. A move beyond Allocation:NotifyThreshold is also sent to the webhooks as allocation-changed.")
            .Produces<AllocationView>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(IClusterClient client, string campaignId, string? metric)
    {
        if (!VariantMetrics.TryParse(metric ?? "ctr", out var parsed))
        {
            return Results.BadRequest(new ErrorResponse($"metric '{metric}' is not one of {string.Join(", ", VariantMetrics.WireNames)}."));
        }

        var view = await client.GetGrain<ICampaignAllocationGrain>(campaignId).GetAllocationAsync(parsed);
        return view is null
            ? Results.NotFound(new ErrorResponse($"No event was ever received for campaign '{campaignId}'."))
            : Results.Ok(view);
    }
}
