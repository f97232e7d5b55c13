using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace StreamingMarketing.Gateway.Auth;

/// <summary>
/// Where the HTTP API may listen. Without API keys the API is open to whoever reaches it, so it listens on loopback
/// only: an address on another interface is not bound but replaced by 127.0.0.1 on the same port, and the log says so.
/// Both hosts (silo and standalone gateway) decide through here.
/// </summary>
public sealed record GatewayBinding(string Urls, IReadOnlyList<string> Warnings)
{
    private const string KestrelEndpoints = "Kestrel:Endpoints";

    /// <summary>
    /// Reads <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>) or falls back to <paramref name="defaultUrl"/>. Without
    /// keys it also rewrites <c>Kestrel:Endpoints:*:Url</c> in <paramref name="configuration"/>, which Kestrel prefers to <c>urls</c>.
    /// </summary>
    public static GatewayBinding Decide(IConfiguration configuration, string defaultUrl)
    {
        var requested = configuration["urls"] is { Length: > 0 } urls ? urls : defaultUrl;
        if (ApiKeyConfiguration.HasKeys(configuration))
        {
            return new GatewayBinding(requested, []);
        }

        var warnings = new List<string>
        {
            "No API keys are configured (Auth:ApiKeys): the HTTP API is open to anyone who can reach it, so it listens on loopback only.",
        };
        var bound = string.Join(';', requested.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => Confine(url, warnings)));
        foreach (var endpoint in configuration.GetSection(KestrelEndpoints).GetChildren())
        {
            if (endpoint["Url"] is { } url)
            {
                configuration[$"{KestrelEndpoints}:{endpoint.Key}:Url"] = Confine(url, warnings);
            }
        }

        return new GatewayBinding(bound, warnings);
    }

    public void Log(ILogger logger)
    {
        foreach (var warning in Warnings)
        {
            logger.LogWarning("{Warning}", warning);
        }
    }

    private static string Confine(string url, List<string> warnings)
    {
        var loopback = ToLoopback(url);
        if (loopback != url)
        {
            warnings.Add($"Refused to listen on {url} without API keys: listening on {loopback} instead. Configure Auth:ApiKeys to serve other hosts.");
        }

        return loopback;
    }

    /// <summary><paramref name="url"/> itself when it only listens on loopback, else 127.0.0.1 with the same scheme, port and path.</summary>
    internal static string ToLoopback(string url)
    {
        var address = BindingAddress.Parse(url);
        if (address.IsUnixPipe || IsLoopbackHost(address.Host))
        {
            return url;
        }

        return $"{address.Scheme}://127.0.0.1:{address.Port}{address.PathBase}";
    }

    private static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
