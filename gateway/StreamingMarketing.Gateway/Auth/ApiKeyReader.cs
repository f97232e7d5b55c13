using Microsoft.Net.Http.Headers;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>Where a request may carry its key: <c>Authorization: Bearer KEY</c>, <c>X-Api-Key: KEY</c>, or on SSE streams <c>?apiKey=KEY</c>.</summary>
public static class ApiKeyReader
{
    public const string HeaderName = "X-Api-Key";
    private const string BearerPrefix = "Bearer ";

    public static string? Read(HttpContext context)
    {
        var request = context.Request;
        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        if (authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return NonEmpty(authorization[BearerPrefix.Length..]);
        }

        if (NonEmpty(request.Headers[HeaderName].ToString()) is { } header)
        {
            return header;
        }

        return context.GetEndpoint()?.Metadata.GetMetadata<ApiKeyInQuery>() is not null
            ? NonEmpty(request.Query[ApiKeyInQuery.Parameter].ToString())
            : null;
    }

    private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
