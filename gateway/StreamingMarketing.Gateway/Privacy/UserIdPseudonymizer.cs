using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace StreamingMarketing.Gateway.Privacy;

/// <summary>
/// Keyed pseudonyms for user ids: <c>p-</c> + base64url of the first 16 bytes of HMAC-SHA256(key, UTF-8 id). Keyed, so
/// that nobody without the key can test a guessed handle against stored ids (a plain hash of a handle is a lookup
/// away from the handle); 128 bits, so distinct ids do not collide in practice; and in the id alphabet, so a
/// pseudonym is a valid userId and an addressable URL segment like any other.
/// </summary>
public sealed class UserIdPseudonymizer(IOptions<PrivacyOptions> options)
{
    public const string Prefix = "p-";

    /// <summary>"p-" and 22 base64url characters.</summary>
    public const int Length = 24;

    private readonly byte[]? key = options.Value.PseudonymizeUserIds ? Encoding.UTF8.GetBytes(options.Value.UserIdKey!) : null;

    public bool Enabled => key is not null;

    /// <summary>The id as it is stored: the pseudonym when pseudonymizing, the id itself otherwise.</summary>
    public string Stored(string userId)
    {
        if (key is null)
        {
            return userId;
        }

        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var bytes = Encoding.UTF8.GetBytes(userId);
        HMACSHA256.HashData(key, bytes, mac);
        return Prefix + Base64Url.EncodeToString(mac[..16]);
    }

    /// <summary>
    /// The stored ids a read of <paramref name="requested"/> may mean, first the likeliest: its pseudonym, and the id
    /// itself when it already has a pseudonym's form (as answers show users: influencers, comments).
    /// </summary>
    public IEnumerable<string> Candidates(string requested)
    {
        yield return Stored(requested);
        if (Enabled && IsPseudonym(requested))
        {
            yield return requested;
        }
    }

    public static bool IsPseudonym(string id) => id.Length == Length && id.StartsWith(Prefix, StringComparison.Ordinal);
}
