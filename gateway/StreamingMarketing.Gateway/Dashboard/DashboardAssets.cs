using System.Reflection;

namespace StreamingMarketing.Gateway.Dashboard;

/// <summary>
/// The page's files, embedded in this assembly (see the csproj) and read once: both hosts serve the same bytes with no
/// files beside them, and a published gateway cannot lose its page.
/// </summary>
internal sealed class DashboardAssets
{
    private const string Prefix = "Dashboard/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    private readonly Dictionary<string, Asset> assets = Load();

    public Asset? Find(string name) => assets.GetValueOrDefault(name);

    private static Dictionary<string, Asset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var name = resource[Prefix.Length..];
            assets[name] = new Asset(buffer.ToArray(), ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"));
        }

        return assets;
    }
}

internal sealed record Asset(byte[] Content, string ContentType);
