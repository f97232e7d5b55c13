using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Insights;

/// <summary><c>GET /api/alerts?state=open|resolved|all</c>: every campaign's alerts, newest first.</summary>
public static class AlertsEndpoints
{
    public static IEndpointRouteBuilder MapAlerts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/alerts", ListAsync)
            .WithName(InsightsEndpoints.ListAlerts)
            .WithTags("Insights")
            .WithSummary("Alerts of all campaigns: open (default), resolved or all, newest first")
            .Produces<AlertListResponse>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
        return app;
    }

    private static async Task<IResult> ListAsync(IClusterClient client, string? state, int? limit)
    {
        state ??= AlertStates.Open;
        if (!AlertStates.IsFilter(state))
        {
            return Results.BadRequest(new ErrorResponse($"state '{state}' is not one of open, resolved, all."));
        }

        if (InsightsEndpoints.CheckCount("limit", limit, 1_000) is { } problem)
        {
            return Results.BadRequest(new ErrorResponse(problem));
        }

        var alerts = await AlertRegistry.ListAsync(client, state, limit ?? 100);
        return Results.Ok(new AlertListResponse(state, alerts));
    }
}

public sealed record AlertListResponse(string State, List<AlertView> Alerts);
