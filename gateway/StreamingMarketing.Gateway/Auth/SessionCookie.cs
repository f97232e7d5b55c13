using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// The dashboard page's session: an HttpOnly, SameSite=Strict cookie the page gets once for a key, so that neither the
/// page nor its event streams carry the key in a URL (where logs and browser history keep it). The cookie holds no key:
/// only the key's name, an expiry and an HMAC over both keyed with the key's SHA-256 digest, so any gateway holding the
/// same key configuration accepts it without shared session state, and removing the key ends its sessions.
/// A session reads only: it carries the read scope, and only on GET requests (<see cref="ApiKeyAuthenticationHandler"/>).
/// </summary>
public sealed class SessionCookie(ApiKeyStore keys, TimeProvider clock)
{
    public const string Name = "sm_session";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public void Issue(HttpContext context, ApiKey key)
    {
        var expires = clock.GetUtcNow() + Lifetime;
        var payload = $"{WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(key.Name))}.{expires.ToUnixTimeSeconds()}";
        context.Response.Cookies.Append(Name, $"{payload}.{Mac(key, payload)}", new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/",
            Expires = expires,
        });
    }

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/" });

    /// <summary>The key whose session <paramref name="context"/> presents, or null (no cookie, expired, forged, or the key is gone).</summary>
    public ApiKey? Read(HttpContext context)
    {
        if (context.Request.Cookies[Name] is not { } cookie || cookie.Split('.') is not [var name, var expiry, var mac])
        {
            return null;
        }

        try
        {
            if (keys.ByName(Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(name))) is not { } key
                || !long.TryParse(expiry, out var seconds)
                || DateTimeOffset.FromUnixTimeSeconds(seconds) < clock.GetUtcNow())
            {
                return null;
            }

            var expected = Encoding.ASCII.GetBytes(Mac(key, $"{name}.{expiry}"));
            return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(mac)) ? key : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Mac(ApiKey key, string payload) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key.Digest, Encoding.UTF8.GetBytes(payload)));
}
