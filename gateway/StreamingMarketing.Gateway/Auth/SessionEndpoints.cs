using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// <c>POST /api/session</c> trades the key in the request's header for the page's session cookie; <c>DELETE</c> ends it.
/// Page machinery, not API for programs (which send their key in a header), so the OpenAPI document leaves them out.
/// </summary>
public static class SessionEndpoints
{
    public const string CreateSession = "CreateSession";
    public const string EndSession = "EndSession";

    public static IEndpointRouteBuilder MapSession(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/session", Create)
            .WithName(CreateSession)
            .WithSummary("Exchange the API key in the header for an HttpOnly, SameSite=Strict session cookie (read scope, GET requests only, 12 h)")
            .ExcludeFromDescription();

        app.MapDelete("/api/session", End)
            .WithName(EndSession)
            .WithSummary("Forget the session cookie")
            .ExcludeFromDescription()
            .OpenWithoutKey();
        return app;
    }

    private static IResult Create(HttpContext context, ApiKeyStore keys, SessionCookie sessions)
    {
        // With no keys configured everything is open and there is nothing to exchange.
        if (keys.ByName(context.User.Identity?.Name) is { } key)
        {
            sessions.Issue(context, key);
        }

        return Results.NoContent();
    }

    private static IResult End(HttpContext context)
    {
        SessionCookie.Clear(context);
        return Results.NoContent();
    }
}
