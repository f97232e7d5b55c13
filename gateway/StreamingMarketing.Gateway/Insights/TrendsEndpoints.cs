using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Insights;

/// <summary><c>GET /api/trends?window=15m|1h|24h</c>: what bursts across all campaigns.</summary>
public static class TrendsEndpoints
{
    public static IEndpointRouteBuilder MapTrends(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/trends", GetAsync)
            .WithName(InsightsEndpoints.GetTrends)
            .WithTags("Insights")
            .WithSummary("Hashtags and keywords ranked by burst (recent rate against their own baseline) across all campaigns")
            .Produces<TrendsView>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> GetAsync(IClusterClient client, string? window, int? top)
    {
        window ??= "1h";
        if (!TrendWindows.TryParse(window, out var parsed))
        {
            return Results.BadRequest(new ErrorResponse($"window '{window}' is not one of {string.Join(", ", TrendWindows.Names)}."));
        }

        if (InsightsEndpoints.CheckCount("top", top, 100) is { } problem)
        {
            return Results.BadRequest(new ErrorResponse(problem));
        }

        return Results.Ok(await client.GetGrain<ITrendsGrain>(ITrendsGrain.Key).GetAsync(parsed, top ?? 20));
    }
}
