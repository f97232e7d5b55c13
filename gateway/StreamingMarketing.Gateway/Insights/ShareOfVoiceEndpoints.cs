using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Insights;

/// <summary><c>GET /api/brands/{brand}/share-of-voice?window=24h</c>: a brand's mentions against its competitors'.</summary>
public static class ShareOfVoiceEndpoints
{
    public static IEndpointRouteBuilder MapShareOfVoice(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/brands/{brand}/share-of-voice", GetAsync)
            .WithName(InsightsEndpoints.GetShareOfVoice)
            .WithTags("Insights")
            .WithSummary("A brand's mentions against those of the competitors its campaigns name, over 1h, 24h (default), 7d or 30d")
            .Produces<ShareOfVoiceView>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> GetAsync(IClusterClient client, string brand, string? window)
    {
        window ??= "24h";
        if (!VoiceWindows.ByName.ContainsKey(window))
        {
            return Results.BadRequest(new ErrorResponse($"window '{window}' is not one of {string.Join(", ", VoiceWindows.ByName.Keys)}."));
        }

        var key = VoiceWindows.BrandKey(brand);
        if (key.Length is 0 or > CampaignMetadataValidation.MaxBrandLength || key.Any(char.IsControl))
        {
            return Results.BadRequest(new ErrorResponse($"brand must be 1–{CampaignMetadataValidation.MaxBrandLength} characters without control characters."));
        }

        var view = await client.GetGrain<IBrandGrain>(key).GetShareOfVoiceAsync(window);
        return view is null
            ? Results.NotFound(new ErrorResponse($"No campaign names brand '{brand}' and no text mentioned it."))
            : Results.Ok(view);
    }
}
