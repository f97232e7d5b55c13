using System.Security.Cryptography;
using System.Text;

namespace StreamingMarketing.Grains.Insights.Webhooks;

/// <summary>
/// The signature a receiver checks: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the exact body bytes under
/// the webhook's secret (the scheme GitHub and Stripe receivers already know how to verify).
/// </summary>
public static class WebhookSignature
{
    public const string Header = "X-StreamingMarketing-Signature";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>For receivers (and tests): constant-time comparison against the header value.</summary>
    public static bool IsValid(string secret, byte[] body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}
