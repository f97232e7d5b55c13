namespace StreamingMarketing.Sentiment;

/// <summary>
/// Opens a package's fine-tuned encoder: the delta applied to the host's base graph, in memory, and the result's
/// SHA-256 checked against the manifest's encoder hash before any text is embedded with it.
/// </summary>
public static class FineTunedEncoder
{
    public static SentenceEncoder Open(string packageDirectory, ModelManifest manifest, SentenceEncoder baseEncoder)
    {
        var (graph, sha256) = Graph(packageDirectory, manifest, baseEncoder);
        try
        {
            return baseEncoder.WithGraph(graph, sha256);
        }
        catch (Exception exception) when (exception is not ModelPackageException)
        {
            throw new ModelPackageException($"Model {manifest.Version}: ONNX Runtime cannot load the fine-tuned encoder: {exception.Message}", exception);
        }
    }

    /// <summary>The fine-tuned graph (base graph + the package's delta) and its SHA-256, checked against the manifest.</summary>
    public static (byte[] Graph, string Sha256) Graph(string packageDirectory, ModelManifest manifest, SentenceEncoder baseEncoder)
    {
        var delta = manifest.Encoder.Delta ?? throw new ModelPackageException($"Model {manifest.Version} has no encoder delta.");
        if (!string.Equals(delta.BaseSha256, baseEncoder.Files.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelPackageException(
                $"Model {manifest.Version}'s encoder delta applies to encoder {delta.BaseSha256}, but this host's base encoder is {baseEncoder.Files.Sha256}.");
        }

        byte[] graph;
        try
        {
            graph = EncoderDelta.Apply(File.ReadAllBytes(baseEncoder.Files.ModelPath), EncoderDelta.Read(Path.Combine(packageDirectory, delta.File)));
        }
        catch (Exception exception) when (exception is Google.Protobuf.InvalidProtocolBufferException or IOException)
        {
            throw new ModelPackageException($"Model {manifest.Version}: the encoder delta {delta.File} cannot be applied: {exception.Message}", exception);
        }

        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(graph));
        if (!string.Equals(sha256, manifest.Encoder.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelPackageException(
                $"Model {manifest.Version}: the base encoder with its delta hashes to {sha256}, the manifest says {manifest.Encoder.Sha256}.");
        }

        return (graph, sha256);
    }
}
