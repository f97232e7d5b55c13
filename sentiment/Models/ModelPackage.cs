namespace StreamingMarketing.Sentiment;

/// <summary>Checks a package directory before it is published or loaded: manifest complete, every file present with its recorded hash.</summary>
public static class ModelPackage
{
    public static ModelManifest Verify(string packageDirectory)
    {
        var manifest = ModelManifest.Read(packageDirectory);
        var headPath = Path.Combine(packageDirectory, manifest.Head.File);
        if (!File.Exists(headPath))
        {
            throw new ModelPackageException($"Model {manifest.Version} is partial: {manifest.Head.File} is missing.");
        }

        var actual = EncoderFiles.HashFile(headPath);
        if (!string.Equals(actual, manifest.Head.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelPackageException(
                $"Model {manifest.Version} is corrupt: {manifest.Head.File} has SHA-256 {actual}, the manifest says {manifest.Head.Sha256}.");
        }

        return manifest;
    }
}
