namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// Configuration section <c>Auth</c>. Keys: <c>Auth:ApiKeys:0:Name</c>, <c>…:Key</c> or <c>…:KeySha256</c> (hex), and
/// <c>…:Scopes</c> (a list, or one comma-separated string, which is easier to set through the environment:
/// <c>Auth__ApiKeys__0__Scopes=ingest,read</c>). Optional per key: <c>…:PermitsPerSecond</c>, <c>…:Burst</c>.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";
    public const string ApiKeysSection = "ApiKeys";

    public RateLimitOptions RateLimit { get; set; } = new();
}

/// <summary><c>Auth:RateLimit</c>: the per-key default, overridable on each key.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per second per key. A dashboard tab costs about 2; a connector sending batches of 1,000 a few.</summary>
    public double PermitsPerSecond { get; set; } = 50;

    /// <summary>How many requests a key may send at once after a quiet spell.</summary>
    public int Burst { get; set; } = 100;
}
