namespace StreamingMarketing.Sentiment;

/// <summary>Checks a package directory before it is published or loaded: manifest complete, every file present with its recorded hash.</summary>
public static class ModelPackage
{
    public static ModelManifest Verify(string packageDirectory)
    {
        var manifest = ModelManifest.Read(packageDirectory);
        foreach (var head in manifest.AllHeads)
        {
            VerifyFile(packageDirectory, manifest.Version, head.Head.File, head.Head.Sha256);
        }

        if (manifest.Encoder.Delta is { } delta)
        {
            VerifyFile(packageDirectory, manifest.Version, delta.File, delta.Sha256);
        }

        return manifest;
    }

    private static void VerifyFile(string packageDirectory, string version, string file, string sha256)
    {
        var path = Path.Combine(packageDirectory, file);
        if (!File.Exists(path))
        {
            throw new ModelPackageException($"Model {version} is partial: {file} is missing.");
        }

        var actual = EncoderFiles.HashFile(path);
        if (!string.Equals(actual, sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelPackageException($"Model {version} is corrupt: {file} has SHA-256 {actual}, the manifest says {sha256}.");
        }
    }
}
