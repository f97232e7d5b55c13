using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Gateway.Http;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Insights;

/// <summary><c>PUT /api/campaigns/{id}</c>: name, brand, competitors, dates, budget and alert-rule overrides of a campaign.</summary>
public static class CampaignMetadataEndpoints
{
    /// <summary>Twenty competitor names and a few rule overrides fit in a few KB; anything far larger is not metadata.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapCampaignMetadata(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/campaigns/{campaignId}", PutAsync)
            .WithName(InsightsEndpoints.PutCampaignMetadata)
            .WithTags("Insights")
            .WithSummary("Describe a campaign: name, brand, competitors, start/end, budget, alert-rule overrides (replaces what was stored)")
            .Accepts<CampaignMetadataRequest>("application/json")
            .Produces<CampaignMetadata>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    private static async Task<IResult> PutAsync(HttpRequest request, IClusterClient client, TimeProvider clock, string campaignId)
    {
        if (await BoundedBody.ReadAsync(request, MaxBodyBytes, request.HttpContext.RequestAborted) is not { } raw)
        {
            return BoundedBody.TooLarge("campaign metadata", MaxBodyBytes);
        }

        CampaignMetadataRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<CampaignMetadataRequest>(raw.Span, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            return Results.BadRequest(new ErrorResponse($"The body is not a JSON campaign description ({exception.Message})."));
        }

        var problems = new List<string>();
        var metadata = CampaignMetadataValidation.Validate(campaignId, body, clock.GetUtcNow().UtcDateTime, problems);
        if (metadata is null)
        {
            return Results.BadRequest(new ErrorResponse(string.Join(" ", problems)));
        }

        return Results.Ok(await client.GetGrain<ICampaignGrain>(campaignId).SetMetadataAsync(metadata));
    }
}
