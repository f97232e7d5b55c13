using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Experiments;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Experiments;

/// <summary><c>GET /api/campaigns/{id}/variants</c>: an A/B test of a campaign's creatives, per-variant KPIs and verdicts.</summary>
public static class VariantsEndpoints
{
    /// <summary>Endpoint name (OpenAPI operationId), for the auth table.</summary>
    public const string GetVariants = "GetVariants";

    private static readonly string[] SeriesWindows = ["1h", "24h", "30d"];

    public static IEndpointRouteBuilder MapVariants(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/campaigns/{campaignId}/variants", GetAsync)
            .WithName(GetVariants)
            .WithTags("Experiments")
            .WithSummary("Each variant's KPI with a 95% interval, its lift over the control and an always-valid sequential verdict")
            .WithDescription(
                "metric: ctr (default), engagementRate or conversionRate, each per impression. control: the variant compared with " +
                "(default: one named 'control', else the first name in order). window: 1h (default), 24h or 30d, the span of each " +
                "variant's series. The verdict comes from a mixture sequential probability ratio test, valid however often it is read.")
            .Produces<VariantsView>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(IClusterClient client, string campaignId, string? metric, string? control, string? window)
    {
        var problems = new List<string>();
        if (!VariantMetrics.TryParse(metric ?? "ctr", out var parsed))
        {
            problems.Add($"metric '{metric}' is not one of {string.Join(", ", VariantMetrics.WireNames)}.");
        }

        if (window is not null && !SeriesWindows.Contains(window))
        {
            problems.Add($"window '{window}' is not one of {string.Join(", ", SeriesWindows)}.");
        }

        if (problems.Count > 0)
        {
            return Results.BadRequest(new ErrorResponse(string.Join(" ", problems)));
        }

        var view = await client.GetGrain<ICampaignGrain>(campaignId).GetVariantsAsync(parsed, control, window ?? "1h");
        if (view is null)
        {
            return Results.NotFound(new ErrorResponse($"No event was ever received for campaign '{campaignId}'."));
        }

        if (control is not null && view.Control != control)
        {
            var names = view.Variants.Where(v => !v.IsOther).Select(v => v.Name).ToList();
            return Results.BadRequest(new ErrorResponse(
                $"control '{control}' is not a variant of campaign '{campaignId}' (variants: {(names.Count == 0 ? "none yet" : string.Join(", ", names))})."));
        }

        return Results.Ok(view);
    }
}
