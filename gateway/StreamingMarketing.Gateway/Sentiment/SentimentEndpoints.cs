using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Views;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Sentiment;

/// <summary><c>POST /api/sentiment</c> and <c>GET /api/models/current</c>, answered by a scoring silo.</summary>
public static class SentimentEndpoints
{
    public const int MaxTexts = 256;
    public const int MaxTextLength = 4_000;

    public static IEndpointRouteBuilder MapSentiment(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/sentiment", ScoreAsync)
            .WithName("ScoreSentiment")
            .WithSummary("Score 1 to 256 texts for sentiment")
            .WithDescription("score = p(positive) − p(negative). 503 when every scoring silo is saturated or no model is loaded.")
            .Produces<SentimentResponse>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable);

        app.MapGet("/api/models/current", CurrentModelAsync)
            .WithName("GetCurrentModel")
            .WithSummary("The serving sentiment model: version, labels and validation metrics")
            .Produces<ModelView>()
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> ScoreAsync(SentimentRequest? request, IClusterClient client)
    {
        if (Validate(request) is { } problem)
        {
            return Results.BadRequest(new ErrorResponse(problem));
        }

        try
        {
            return Results.Ok(await client.GetGrain<ISentimentScorerGrain>(0).ScoreAsync([.. request!.Texts!]));
        }
        catch (ScoringUnavailableException exception)
        {
            return Unavailable(exception.Message);
        }
        catch (OrleansException exception)
        {
            return Unavailable($"no scoring silo answered: {exception.Message}");
        }
    }

    private static async Task<IResult> CurrentModelAsync(IClusterClient client)
    {
        try
        {
            var model = await client.GetGrain<ISentimentScorerGrain>(0).GetCurrentModelAsync();
            return model is null ? Unavailable("No sentiment model is loaded yet.") : Results.Ok(model);
        }
        catch (OrleansException exception)
        {
            return Unavailable($"no scoring silo answered: {exception.Message}");
        }
    }

    internal static string? Validate(SentimentRequest? request)
    {
        if (request?.Texts is not { } texts)
        {
            return "Send {\"texts\": [\"...\"]} with 1 to 256 texts.";
        }

        if (texts.Count is 0 or > MaxTexts)
        {
            return $"texts has {texts.Count} entries: send 1 to {MaxTexts}.";
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (texts[i] is not { } text || string.IsNullOrWhiteSpace(text))
            {
                return $"texts[{i}] is empty.";
            }

            if (text.Length > MaxTextLength)
            {
                return $"texts[{i}] is {text.Length} characters, more than the {MaxTextLength} allowed.";
            }
        }

        return null;
    }

    private static IResult Unavailable(string message) =>
        Results.Json(new ErrorResponse(message), statusCode: StatusCodes.Status503ServiceUnavailable);
}

public sealed record SentimentRequest(List<string?>? Texts);
