using System.Security.Cryptography;
using System.Text.Json;
using StreamingMarketing.Recommend.Model;

namespace StreamingMarketing.Recommend.Registry;

/// <summary>
/// Recommender packages in the model registry's folder (<c>&lt;data dir&gt;/models/recommender/</c>), kept the way
/// the sentiment registry keeps its own: one immutable folder per version, staged under a dot-name and renamed into
/// place, and a <c>current.json</c> pointer written aside and renamed over the old one, so a silo polling it sees a
/// whole package or none. The sentiment registry lists only folders with its own manifest and never sees these.
/// </summary>
public sealed class RecommenderRegistry(string root)
{
    public const string Folder = "recommender";
    public const string PointerFile = "current.json";

    public string Root { get; } = Path.GetFullPath(root);

    public static RecommenderRegistry ForDataDir(string dataDir) => new(Path.Combine(dataDir, "models", Folder));

    public RecommenderManifest Publish(RecommenderModel model)
    {
        Directory.CreateDirectory(Root);
        var target = Path.Combine(Root, model.Version);
        if (Directory.Exists(target))
        {
            throw new InvalidOperationException($"Recommender version {model.Version} is already published; packages are immutable.");
        }

        var staging = Path.Combine(Root, $".staging-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var factors = Path.Combine(staging, RecommenderPackage.FactorsFile);
            using (var file = File.Create(factors))
            {
                RecommenderPackage.Write(file, model.Kinds);
                file.Flush(flushToDisk: true);
            }

            var manifest = new RecommenderManifest(model.Version, model.CreatedAt, RecommenderManifest.AlgorithmName, Hash(factors), model.Evaluation);
            File.WriteAllText(Path.Combine(staging, RecommenderManifest.FileName), JsonSerializer.Serialize(manifest, Json));
            Directory.Move(staging, target);
            return manifest;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    public void Promote(string version)
    {
        if (!File.Exists(Path.Combine(Root, version, RecommenderManifest.FileName)))
        {
            throw new InvalidOperationException($"Recommender version {version} is not published in {Root}.");
        }

        var staging = Path.Combine(Root, $".{PointerFile}.{Guid.NewGuid():N}");
        File.WriteAllText(staging, JsonSerializer.Serialize(new { version, promotedAt = DateTimeOffset.UtcNow }, Json));
        File.Move(staging, Path.Combine(Root, PointerFile), overwrite: true);
    }

    public string? PromotedVersion()
    {
        var path = Path.Combine(Root, PointerFile);
        if (!File.Exists(path))
        {
            return null;
        }

        using var pointer = JsonDocument.Parse(File.ReadAllText(path));
        return pointer.RootElement.GetProperty("version").GetString();
    }

    /// <summary>The version's model, after its factors file matched the manifest's SHA-256.</summary>
    public RecommenderModel Load(string version)
    {
        var folder = Path.Combine(Root, version);
        var manifest = JsonSerializer.Deserialize<RecommenderManifest>(File.ReadAllText(Path.Combine(folder, RecommenderManifest.FileName)), Json)
                       ?? throw new InvalidDataException($"Recommender {version} has an empty manifest.");
        var factors = Path.Combine(folder, RecommenderPackage.FactorsFile);
        if (!string.Equals(Hash(factors), manifest.FactorsSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Recommender {version} is corrupt: {RecommenderPackage.FactorsFile} does not match its manifest's SHA-256.");
        }

        using var stream = File.OpenRead(factors);
        return new RecommenderModel(manifest.Version, manifest.CreatedAt, RecommenderPackage.Read(stream), manifest.Evaluation);
    }

    public static string NewVersion(DateTimeOffset at) => $"recommender-{at:yyyyMMdd-HHmmss}";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(file)).ToLowerInvariant();
    }
}
