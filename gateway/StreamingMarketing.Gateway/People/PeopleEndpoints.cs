using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Grains;
using StreamingMarketing.Contracts.People;
using StreamingMarketing.Contracts.Validation;
using StreamingMarketing.Gateway.Http;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Gateway.Privacy;

namespace StreamingMarketing.Gateway.People;

/// <summary><c>PUT /api/people/{id}</c> links platform ids to one person; <c>GET /api/people/{id}</c> is the merged profile.</summary>
public static class PeopleEndpoints
{
    public const string PutPerson = "PutPerson";
    public const string GetPerson = "GetPerson";
    public const int MaxIds = 50;
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder app)
    {
        app.MapPut("/api/people/{personId}", PutAsync)
            .WithName(PutPerson)
            .WithTags("People")
            .WithSummary("Link platform user ids to one person (replaces the set: an id left out is unlinked); idempotent")
            .Accepts<PersonLinkRequest>("application/json")
            .Produces<PersonLinks>()
            .Produces<ErrorResponse>(StatusCodes.Status400BadRequest)
            .Produces<ErrorResponse>(StatusCodes.Status409Conflict)
            .Produces<ErrorResponse>(StatusCodes.Status413PayloadTooLarge);
        app.MapGet("/api/people/{personId}", GetAsync)
            .WithName(GetPerson)
            .WithTags("People")
            .WithSummary("One person's profile across its linked ids: every count the sum of the ids' own")
            .Produces<PersonView>()
            .Produces<ErrorResponse>(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<IResult> PutAsync(
        HttpRequest request, IClusterClient client, UserIdPseudonymizer pseudonyms, IOptions<EventValidationOptions> validation, string personId)
    {
        var maxIdLength = validation.Value.MaxIdLength;
        if (await BoundedBody.ReadAsync(request, MaxBodyBytes, request.HttpContext.RequestAborted) is not { } raw)
        {
            return BoundedBody.TooLarge("a person's ids", MaxBodyBytes);
        }

        PersonLinkRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<PersonLinkRequest>(raw.Span, JsonSerializerOptions.Web);
        }
        catch (JsonException exception)
        {
            return Results.BadRequest(new ErrorResponse($"The body is not a JSON object {{\"ids\": [...]}} ({exception.Message})."));
        }

        var problems = new List<string>();
        if (TextRules.IdProblem("person id", personId, maxIdLength) is { } idProblem)
        {
            problems.Add(idProblem + ".");
        }

        if (body?.Ids is not { } ids)
        {
            problems.Add("ids is required: the user ids to link, e.g. {\"ids\": [\"tw-ana\", \"ig-ana\"]} ([] unlinks all).");
            return Results.BadRequest(new ErrorResponse(string.Join(" ", problems)));
        }

        if (ids.Count > MaxIds)
        {
            problems.Add($"ids holds {ids.Count} ids; at most {MaxIds} are allowed.");
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (TextRules.IdProblem($"ids[{i}]", ids[i] ?? string.Empty, maxIdLength) is { } problem)
            {
                problems.Add(problem + ".");
            }
        }

        if (problems.Count > 0)
        {
            return Results.BadRequest(new ErrorResponse(string.Join(" ", problems)));
        }

        var outcome = await client.GetGrain<IPersonGrain>(personId).LinkAsync([.. ids.Select(id => pseudonyms.Stored(id!))]);
        if (outcome.Links is { } links)
        {
            return Results.Ok(links);
        }

        var held = string.Join(", ", outcome.HeldByOthers.Select(pair => $"'{pair.Key}' by '{pair.Value}'"));
        return Results.Conflict(new ErrorResponse($"Some ids belong to another person ({held}): unlink them there first. Nothing was changed."));
    }

    private static async Task<IResult> GetAsync(IClusterClient client, string personId)
    {
        var view = await client.GetGrain<IPersonGrain>(personId).GetProfileAsync();
        return view is null
            ? Results.NotFound(new ErrorResponse($"No ids were ever linked to person '{personId}'."))
            : Results.Ok(view);
    }
}
