using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// Reads <c>Auth:ApiKeys</c> into <see cref="ApiKey"/>s. A key that is half configured stops the host at start with a
/// message naming the entry: running with a key silently ignored would leave an endpoint open or a connector locked out.
/// </summary>
public static class ApiKeyConfiguration
{
    public static IReadOnlyList<ApiKey> Load(IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName);
        var defaults = auth.GetSection("RateLimit").Get<RateLimitOptions>() ?? new RateLimitOptions();
        var keys = new List<ApiKey>();
        foreach (var entry in auth.GetSection(AuthOptions.ApiKeysSection).GetChildren())
        {
            keys.Add(Read(entry, defaults));
        }

        var repeated = keys.GroupBy(k => k.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw Invalid($"two keys are named '{repeated.Key}': names partition the rate limits, so they must differ");
        }

        return keys;
    }

    public static bool HasKeys(IConfiguration configuration) => Load(configuration).Count > 0;

    public static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static ApiKey Read(IConfigurationSection entry, RateLimitOptions defaults)
    {
        var where = $"Auth:ApiKeys:{entry.Key}";
        var name = entry["Name"] is { Length: > 0 } given ? given : $"key-{entry.Key}";
        var digest = ReadDigest(entry, where);
        var scopes = ReadScopes(entry.GetSection("Scopes"), where);
        var limit = new RateLimit(
            entry.GetValue("PermitsPerSecond", defaults.PermitsPerSecond),
            entry.GetValue("Burst", defaults.Burst));
        if (limit.PermitsPerSecond <= 0 || limit.Burst < 1)
        {
            throw Invalid($"{where}: PermitsPerSecond must be > 0 and Burst ≥ 1");
        }

        return new ApiKey(name, digest, scopes, limit);
    }

    private static byte[] ReadDigest(IConfigurationSection entry, string where)
    {
        var key = entry["Key"];
        var hash = entry["KeySha256"];
        if (!string.IsNullOrEmpty(key) && !string.IsNullOrEmpty(hash))
        {
            throw Invalid($"{where}: set Key or KeySha256, not both");
        }

        if (!string.IsNullOrEmpty(key))
        {
            return Digest(key);
        }

        if (string.IsNullOrEmpty(hash))
        {
            throw Invalid($"{where}: set Key (the secret) or KeySha256 (its SHA-256 in hex)");
        }

        try
        {
            var digest = Convert.FromHexString(hash.Trim());
            return digest.Length == SHA256.HashSizeInBytes ? digest : throw new FormatException();
        }
        catch (FormatException)
        {
            throw Invalid($"{where}: KeySha256 must be 64 hex digits (for example: printf %s \"$KEY\" | sha256sum)");
        }
    }

    private static HashSet<string> ReadScopes(IConfigurationSection section, string where)
    {
        // A list (Scopes:0, Scopes:1, …) or one string "ingest,read", whichever the operator found easier to write.
        var values = section.Value is { } joined
            ? joined.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : section.GetChildren().Select(child => child.Value ?? "").ToArray();
        var scopes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var scope = value.Trim().ToLower(CultureInfo.InvariantCulture);
            if (!ApiScopes.All.Contains(scope))
            {
                throw Invalid($"{where}: unknown scope '{value}', expected {string.Join(", ", ApiScopes.All)}");
            }

            scopes.Add(scope);
        }

        return scopes.Count > 0
            ? scopes
            : throw Invalid($"{where}: no Scopes; give at least one of {string.Join(", ", ApiScopes.All)}");
    }

    private static InvalidOperationException Invalid(string problem) => new($"Invalid API key configuration: {problem}.");
}
