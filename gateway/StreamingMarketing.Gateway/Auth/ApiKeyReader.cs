using Microsoft.Net.Http.Headers;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// Where a request may carry its key: <c>Authorization: Bearer KEY</c> or <c>X-Api-Key: KEY</c>. Never the URL, which
/// logs and browser history keep; the dashboard page uses a session cookie instead (<see cref="SessionCookie"/>).
/// </summary>
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

        return NonEmpty(request.Headers[HeaderName].ToString());
    }

    private static string? NonEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
