namespace StreamingMarketing.Sentiment;

/// <summary>
/// A validated package with its head session, reference-counted so a swap never disposes a session that an
/// in-flight batch still uses: the holder owns one reference, each batch takes a lease, and the session is
/// disposed when the last reference goes.
/// </summary>
public sealed class LoadedModel
{
    private readonly HeadSession _head;
    private int _references = 1;

    private LoadedModel(ModelManifest manifest, HeadSession head)
    {
        Manifest = manifest;
        _head = head;
        Info = new ModelInfo(manifest.Version, manifest.Labels, manifest.Validation, manifest.CreatedAt, DateTimeOffset.UtcNow);
    }

    public ModelManifest Manifest { get; }

    public ModelInfo Info { get; }

    public bool IsDisposed => Volatile.Read(ref _references) == 0;

    /// <summary>
    /// Loads and checks a package: manifest complete, file hashes as recorded, trained on this encoder, and the
    /// head answers a probe with one probability distribution per row. Anything else is a <see cref="ModelPackageException"/>.
    /// </summary>
    public static LoadedModel Load(string packageDirectory, string encoderSha256)
    {
        var manifest = ModelPackage.Verify(packageDirectory);
        if (!string.Equals(manifest.Encoder.Sha256, encoderSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelPackageException(
                $"Model {manifest.Version} was trained on encoder {manifest.Encoder.Sha256}, but this host runs {encoderSha256}.");
        }

        var headPath = Path.Combine(packageDirectory, manifest.Head.File);
        HeadSession head;
        try
        {
            head = new HeadSession(headPath, manifest.Head.Input, manifest.Head.Output, manifest.Labels.Count);
        }
        catch (Exception exception) when (exception is not ModelPackageException)
        {
            throw new ModelPackageException($"Model {manifest.Version}: ONNX Runtime cannot load {manifest.Head.File}: {exception.Message}", exception);
        }

        try
        {
            Probe(head, manifest.Version);
        }
        catch
        {
            head.Dispose();
            throw;
        }

        return new LoadedModel(manifest, head);
    }

    private static void Probe(HeadSession head, string version)
    {
        float[] probabilities;
        try
        {
            var embedding = new float[SentenceEncoder.Dimensions];
            embedding[0] = 1f;
            probabilities = head.Predict(embedding, 1);
        }
        catch (Exception exception) when (exception is not ModelPackageException)
        {
            throw new ModelPackageException($"Model {version}: the head fails on a probe embedding: {exception.Message}", exception);
        }

        if (Math.Abs(probabilities.Sum() - 1f) > 1e-3f || probabilities.Any(p => !float.IsFinite(p) || p < 0f))
        {
            throw new ModelPackageException($"Model {version}: the head does not output probabilities ({string.Join(", ", probabilities)}).");
        }
    }

    public bool TryAcquire()
    {
        while (true)
        {
            var references = Volatile.Read(ref _references);
            if (references == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _references, references + 1, references) == references)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            _head.Dispose();
        }
    }

    /// <summary>Probabilities for <paramref name="rows"/> embeddings; call only while holding a reference.</summary>
    public float[] Predict(float[] embeddings, int rows) => _head.Predict(embeddings, rows);
}
