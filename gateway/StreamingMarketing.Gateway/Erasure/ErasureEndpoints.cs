using System.Buffers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Erasure;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.Validation;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Gateway.Privacy;

namespace StreamingMarketing.Gateway.Erasure;

/// <summary>
/// <c>DELETE /api/users/{id}</c> and <c>DELETE /api/people/{id}</c> erase a user's (or a person's every) stored traces
/// and suppress the ids' later events; <c>GET /api/erasures/{requestId}</c> says when the erasure completed everywhere.
/// </summary>
public static class ErasureEndpoints
{
    public const string EraseUser = "EraseUser";
    public const string ErasePerson = "ErasePerson";
    public const string GetErasure = "GetErasure";
    public const string RequestIdPrefix = "er-";

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    public static IEndpointRouteBuilder MapErasure(this IEndpointRouteBuilder app)
    {
        app.MapDelete("/api/users/{userId}", EraseUserAsync)
            .WithName(EraseUser)
            .WithTags("Privacy")
            .WithSummary("Erase a user: the profile and every stored text, influencer entry, alert driver, feedback entry and dead letter naming the user")
            .WithDescription("Answers 202 at once with a request id to follow at GET /api/erasures/{requestId}. Campaign aggregates (totals, windows, " +
                             "sentiment counts) stay exact. The id's later events are dropped and counted suppressed. Takes the raw id, or the pseudonym " +
                             "answers show; an id never seen is erased all the same (its later events are suppressed).")
            .Produces<ErasureStatus>(StatusCodes.Status202Accepted)
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest);
        app.MapDelete("/api/people/{personId}", ErasePersonAsync)
            .WithName(ErasePerson)
            .WithTags("Privacy")
            .WithSummary("Erase a person: every linked id as DELETE /api/users does, and the person's links")
            .Produces<ErasureStatus>(StatusCodes.Status202Accepted)
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        app.MapGet("/api/erasures/{requestId}", GetErasureAsync)
            .WithName(GetErasure)
            .WithTags("Privacy")
            .WithSummary("An erasure's progress: completed once every pass ran everywhere, state on disk included")
            .Produces<ErasureStatus>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> EraseUserAsync(
        IClusterClient client, UserIdPseudonymizer pseudonyms, SuppressionList suppression, IOptions<EventValidationOptions> validation, string userId)
    {
        if (TextRules.IdProblem("user id", userId, validation.Value.MaxIdLength) is { } problem)
        {
            return Results.BadRequest(new ErrorResponse(problem + "."));
        }

        // Every stored id a read of this id may mean: its pseudonym, and the id itself when it is one.
        return await StartAsync(client, suppression, [.. pseudonyms.Candidates(userId).Distinct(StringComparer.Ordinal)], personId: null);
    }

    private static async Task<IResult> ErasePersonAsync(
        IClusterClient client, SuppressionList suppression, IOptions<EventValidationOptions> validation, string personId)
    {
        if (TextRules.IdProblem("person id", personId, validation.Value.MaxIdLength) is { } problem)
        {
            return Results.BadRequest(new ErrorResponse(problem + "."));
        }

        if (await client.GetGrain<IPersonGrain>(personId).GetProfileAsync() is not { } person)
        {
            return Results.NotFound(new ErrorResponse($"No ids were ever linked to person '{personId}'."));
        }

        return await StartAsync(client, suppression, [.. person.Ids], personId);
    }

    private static async Task<IResult> GetErasureAsync(IClusterClient client, string requestId)
    {
        if (!IsRequestId(requestId))
        {
            return Results.BadRequest(new ErrorResponse($"'{requestId}' is not an erasure request id (er- and 32 hexadecimal digits)."));
        }

        return await client.GetGrain<IErasureGrain>(requestId).GetStatusAsync() is { } status
            ? Results.Ok(status)
            : Results.NotFound(new ErrorResponse($"No erasure request '{requestId}' was ever made."));
    }

    private static async Task<IResult> StartAsync(IClusterClient client, SuppressionList suppression, string[] storedIds, string? personId)
    {
        var requestId = RequestIdPrefix + Guid.NewGuid().ToString("N");

        // This gateway (and a co-hosted silo) suppresses at once, the others within their next refresh. Added again
        // after the start, in case a refresh that ran meanwhile replaced the list with one from before the request.
        var fingerprints = storedIds.Select(ErasureFingerprint.Of).ToArray();
        suppression.Add(fingerprints);
        var status = await client.GetGrain<IErasureGrain>(requestId).StartAsync(storedIds, personId);
        suppression.Add(fingerprints);
        return Results.Accepted($"/api/erasures/{requestId}", status);
    }

    public static bool IsRequestId(string value) =>
        value.Length == RequestIdPrefix.Length + 32 && value.StartsWith(RequestIdPrefix, StringComparison.Ordinal)
        && value.AsSpan(RequestIdPrefix.Length).IndexOfAnyExcept(HexDigits) < 0;
}
