using Microsoft.AspNetCore.Builder;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// Marks an endpoint that also takes its key as <c>?apiKey=</c>: the browser's EventSource cannot set headers. Only the
/// Server-Sent Events streams carry it, because a key in a URL ends up in logs and browser history.
/// </summary>
public sealed class ApiKeyInQuery
{
    public const string Parameter = "apiKey";

    public static readonly ApiKeyInQuery Instance = new();
}

public static class ApiKeyInQueryExtensions
{
    public static TBuilder AcceptApiKeyInQuery<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ApiKeyInQuery.Instance);
}
