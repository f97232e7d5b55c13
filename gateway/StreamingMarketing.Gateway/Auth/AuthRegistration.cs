using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>API keys, scopes and per-key rate limits for both hosts.</summary>
public static class AuthRegistration
{
    public static IServiceCollection AddApiKeyAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ApiKeyStore(ApiKeyConfiguration.Load(configuration)));
        services.AddSingleton<SessionCookie>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddAuthorization(options => options.FallbackPolicy = new AuthorizationPolicyBuilder().AddRequirements(new ScopeRequirement()).Build());
        services.AddApiKeyRateLimits();
        return services;
    }

    /// <summary>Authentication first (the limiter partitions by key name), then the limiter, then the scope check.</summary>
    public static IApplicationBuilder UseApiKeyAuth(this IApplicationBuilder app) =>
        app.UseAuthentication().UseRateLimiter().UseAuthorization();
}
