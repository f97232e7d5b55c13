using Microsoft.AspNetCore.Authorization;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// Met when the caller's key holds the scope <see cref="EndpointScopes"/> gives the endpoint. Installed as the fallback
/// policy, so it covers every endpoint whoever maps it, including ones added later.
/// </summary>
internal sealed class ScopeRequirement : IAuthorizationRequirement;

internal sealed class ScopeAuthorizationHandler(ApiKeyStore store) : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        var endpoint = context.Resource switch
        {
            HttpContext http => http.GetEndpoint(),
            Endpoint e => e,
            _ => null,
        };

        // No keys configured: the API is open by design and the host listens on loopback only (GatewayBinding).
        var scope = store.Enabled ? EndpointScopes.For(endpoint) : null;
        if (scope is null || context.User.HasClaim(ApiScopes.ClaimType, scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
