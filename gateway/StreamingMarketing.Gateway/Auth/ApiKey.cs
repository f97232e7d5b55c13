namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// One configured API key, as the gateway keeps it: only the SHA-256 digest of the secret, so that lookups compare
/// fixed-length digests (constant time) and a memory dump shows no key.
/// </summary>
public sealed record ApiKey(string Name, byte[] Digest, IReadOnlySet<string> Scopes, RateLimit RateLimit)
{
    public bool Has(string scope) => Scopes.Contains(scope);
}

/// <summary>A token bucket: <see cref="PermitsPerSecond"/> requests per second on average, bursts up to <see cref="Burst"/>.</summary>
public sealed record RateLimit(double PermitsPerSecond, int Burst);
