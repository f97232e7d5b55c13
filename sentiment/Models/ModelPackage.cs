namespace StreamingMarketing.Sentiment;

/// <summary>Checks a package directory before it is published or loaded: manifest complete, every file present with its recorded hash.</summary>
public static class ModelPackage
{
    public static ModelManifest Verify(string packageDirectory)
    {
        var manifest = ModelManifest.Read(packageDirectory);
        foreach (var head in manifest.AllHeads)
        {
            var headPath = Path.Combine(packageDirectory, head.Head.File);
            if (!File.Exists(headPath))
            {
                throw new ModelPackageException($"Model {manifest.Version} is partial: {head.Head.File} is missing.");
            }

            var actual = EncoderFiles.HashFile(headPath);
            if (!string.Equals(actual, head.Head.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw new ModelPackageException(
                    $"Model {manifest.Version} is corrupt: {head.Head.File} has SHA-256 {actual}, the manifest says {head.Head.Sha256}.");
            }
        }

        return manifest;
    }
}
