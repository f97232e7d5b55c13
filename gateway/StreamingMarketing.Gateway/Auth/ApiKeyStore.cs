using System.Security.Cryptography;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>The configured keys; empty means the API is open (and the host listens on loopback only).</summary>
public sealed class ApiKeyStore(IReadOnlyList<ApiKey> keys)
{
    public bool Enabled => keys.Count > 0;

    public IReadOnlyList<ApiKey> Keys => keys;

    /// <summary>
    /// The key whose secret is <paramref name="presented"/>, or null. Digests have a fixed length and are compared with
    /// <see cref="CryptographicOperations.FixedTimeEquals"/> against every key, with no early exit, so the time taken
    /// tells an attacker neither how many leading characters were right nor which key almost matched.
    /// </summary>
    public ApiKey? Find(string presented)
    {
        var digest = ApiKeyConfiguration.Digest(presented);
        ApiKey? match = null;
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, key.Digest))
            {
                match = key;
            }
        }

        return match;
    }

    /// <summary>Whether <paramref name="presented"/> may do what <paramref name="scope"/> allows (anyone may while no key is configured).</summary>
    public bool Allows(string? presented, string scope) => !Enabled || (presented is not null && Find(presented)?.Has(scope) == true);

    public ApiKey? ByName(string? name) => name is null ? null : keys.FirstOrDefault(k => k.Name == name);
}
