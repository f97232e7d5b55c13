using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamingMarketing.Contracts.Feedback;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Gateway.Http;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Feedback;

/// <summary>
/// <c>POST /api/feedback</c>: a campaign manager's sentiment correction, stored for the next training run. Named
/// "PostFeedback" and tagged <see cref="AdminTag"/> so the authorisation layer can require the admin scope.
/// </summary>
public static class FeedbackEndpoints
{
    public const string AdminTag = "Admin";

    // A text of 4,000 characters is at most ~16 KB of UTF-8 once escaped; anything far larger is not feedback.
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapFeedback(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/feedback", PostAsync)
            .WithName("PostFeedback")
            .WithTags("Feedback", AdminTag)
            .WithSummary("Store the label a text should have had (negative, neutral or positive) for training")
            .Accepts<FeedbackSubmission>("application/json")
            .Produces<FeedbackReceipt>(StatusCodes.Status201Created)
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ErrorResponse>(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static async Task<IResult> PostAsync(HttpRequest request, IClusterClient client)
    {
        if (await BoundedBody.ReadAsync(request, MaxBodyBytes, request.HttpContext.RequestAborted) is not { } body)
        {
            return BoundedBody.TooLarge("feedback", MaxBodyBytes);
        }

        FeedbackSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<FeedbackSubmission>(body.Span, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            return Results.BadRequest(new ErrorResponse($"The body is not a JSON feedback object: {exception.Message}"));
        }

        if (FeedbackValidation.Validate(submission) is { } problem)
        {
            return Results.BadRequest(new ErrorResponse(problem));
        }

        try
        {
            var receipt = await client.GetGrain<IFeedbackGrain>(0).SubmitAsync(submission!);
            return Results.Json(receipt, statusCode: StatusCodes.Status201Created);
        }
        catch (OrleansException exception)
        {
            return Results.Json(new ErrorResponse($"Feedback could not be stored: {exception.Message}"), statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
