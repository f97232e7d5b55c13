using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Forecasting;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Forecasts;

/// <summary><c>GET /api/campaigns/{id}/forecast</c>: a metric's next hours or days with 80% and 95% prediction intervals.</summary>
public static class ForecastEndpoints
{
    /// <summary>Endpoint name (OpenAPI operationId), for the auth table.</summary>
    public const string GetForecast = "GetForecast";

    public static IEndpointRouteBuilder MapForecasts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/campaigns/{campaignId}/forecast", GetAsync)
            .WithName(GetForecast)
            .WithTags("Forecasts")
            .WithSummary("A metric's expected count per future hour or day, with 80% and 95% prediction intervals")
            .WithDescription(
                "metric: an event type (impression, like, mention, ...), engagements, events (default), negative or positive. " +
                "step: 1h (default; horizon 1-168, default 24) or 1d (horizon 1-30, default 7). The first point is the current " +
                "bucket. Fitted on read to the campaign's last 30 days by the hour: daily and weekly profiles, a robust local " +
                "level and intervals from the model's own rolling errors. insufficientHistory says the intervals were widened.")
            .Produces<ForecastView>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(IClusterClient client, string campaignId, string? metric, string? step, string? horizon)
    {
        var problems = new List<string>();
        if (!ForecastMetrics.TryParse(metric ?? "events", out var parsedMetric))
        {
            problems.Add($"metric '{metric}' is not one of {string.Join(", ", ForecastMetrics.WireNames)}.");
        }

        if (!ForecastSteps.TryParse(step ?? "1h", out var parsedStep))
        {
            problems.Add($"step '{step}' is not one of {string.Join(", ", ForecastSteps.WireNames)}.");
        }
        else if (CheckHorizon(horizon, parsedStep) is { } problem)
        {
            problems.Add(problem);
        }

        if (problems.Count > 0)
        {
            return Results.BadRequest(new ErrorResponse(string.Join(" ", problems)));
        }

        var steps = horizon is null ? DefaultHorizon(parsedStep) : int.Parse(horizon, CultureInfo.InvariantCulture);
        var view = await client.GetGrain<IForecastGrain>(campaignId).GetForecastAsync(parsedMetric, parsedStep, steps);
        return view is null
            ? Results.NotFound(new ErrorResponse($"No event was ever received for campaign '{campaignId}'."))
            : Results.Ok(view);
    }

    private static int DefaultHorizon(ForecastStep step) => step == ForecastStep.Hour ? 24 : 7;

    private static string? CheckHorizon(string? horizon, ForecastStep step)
    {
        if (horizon is null)
        {
            return null;
        }

        var max = step.MaxHorizon();
        return int.TryParse(horizon, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max
            ? null
            : $"horizon must be a whole number from 1 to {max} for step {step.ToWireName()} (got '{horizon}').";
    }
}
