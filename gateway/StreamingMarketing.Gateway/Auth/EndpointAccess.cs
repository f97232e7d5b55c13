using Microsoft.AspNetCore.Builder;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>Endpoint metadata: the scope an endpoint outside the named <c>/api/</c> table needs (see <see cref="EndpointScopes"/>).</summary>
public sealed record RequiredScope(string Scope);

/// <summary>Endpoint metadata: answers without a key even when keys are configured (probes, the page shell, the key exchange).</summary>
public sealed class OpenWithoutKey
{
    public static readonly OpenWithoutKey Instance = new();
}

public static class EndpointAccessExtensions
{
    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiredScope(scope));

    public static TBuilder OpenWithoutKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Auth.OpenWithoutKey.Instance);
}
