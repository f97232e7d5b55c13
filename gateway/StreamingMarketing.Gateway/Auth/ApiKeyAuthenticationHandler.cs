using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// Turns a presented API key into a principal named after the key, with one <see cref="ApiScopes.ClaimType"/> claim
/// per scope; answers 401 and 403 with a JSON body that says what to send.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore store, SessionCookie sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (ApiKeyReader.Read(Context) is not { } presented)
        {
            return Task.FromResult(ReadSession());
        }

        if (store.Find(presented) is not { } key)
        {
            return Task.FromResult(AuthenticateResult.Fail("The API key is not valid."));
        }

        var claims = key.Scopes.Select(scope => new Claim(ApiScopes.ClaimType, scope)).Prepend(new Claim(ClaimTypes.Name, key.Name));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>
    /// The page's session cookie, on GET and HEAD only and with the read scope only: a cookie rides along with every
    /// request the browser makes, so it must not be able to ingest, change or administer anything.
    /// </summary>
    private AuthenticateResult ReadSession()
    {
        if (!(HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)) || sessions.Read(Context) is not { } key || !key.Has(ApiScopes.Read))
        {
            return AuthenticateResult.NoResult();
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, key.Name), new Claim(ApiScopes.ClaimType, ApiScopes.Read)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        var message = ApiKeyReader.Read(Context) is null
            ? $"This endpoint needs an API key: send 'Authorization: Bearer KEY' or '{ApiKeyReader.HeaderName}: KEY'."
            : "The API key is not valid.";
        return Response.WriteAsJsonAsync(new ErrorResponse(message));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var scope = EndpointScopes.For(Context.GetEndpoint());
        return Response.WriteAsJsonAsync(new ErrorResponse($"The API key '{Context.User.Identity?.Name}' lacks the '{scope}' scope this endpoint needs."));
    }
}
