namespace StreamingMarketing.Sentiment;

/// <summary>
/// A validated package with its head session, reference-counted so a swap never disposes a session that an
/// in-flight batch still uses: the holder owns one reference, each batch takes a lease, and the session is
/// disposed when the last reference goes.
/// </summary>
public sealed class LoadedModel
{
    private readonly IReadOnlyList<(TaskHead Head, HeadSession Session)> heads;
    private readonly SentenceEncoder? ownEncoder;
    private int references = 1;

    private LoadedModel(ModelManifest manifest, IReadOnlyList<(TaskHead, HeadSession)> heads, SentenceEncoder? encoder, SentenceEncoder? ownEncoder)
    {
        Manifest = manifest;
        this.heads = heads;
        Encoder = encoder;
        this.ownEncoder = ownEncoder;
        Info = new ModelInfo(manifest.Version, manifest.Labels, manifest.Validation, manifest.CreatedAt, DateTimeOffset.UtcNow);
    }

    public ModelManifest Manifest { get; }

    public ModelInfo Info { get; }

    /// <summary>
    /// The encoder these heads were trained on: the host's base encoder, or the package's fine-tuned one (owned by
    /// this model, so a swap or rollback changes encoder and heads together). Null when loaded for its heads only.
    /// </summary>
    public SentenceEncoder? Encoder { get; }

    public bool IsDisposed => Volatile.Read(ref references) == 0;

    /// <summary>
    /// Loads and checks a package: manifest complete, file hashes as recorded, trained on this encoder, and the
    /// head answers a probe with one probability distribution per row. Anything else is a <see cref="ModelPackageException"/>.
    /// </summary>
    public static LoadedModel Load(string packageDirectory, SentenceEncoder baseEncoder)
    {
        var manifest = ModelPackage.Verify(packageDirectory);
        if (manifest.Encoder.Delta is null)
        {
            return LoadHeads(packageDirectory, manifest, baseEncoder.Sha256, baseEncoder, null);
        }

        var fineTuned = FineTunedEncoder.Open(packageDirectory, manifest, baseEncoder);
        try
        {
            return LoadHeads(packageDirectory, manifest, fineTuned.Sha256, fineTuned, fineTuned);
        }
        catch
        {
            fineTuned.Dispose();
            throw;
        }
    }

    /// <summary>The heads alone, checked against the encoder hash they need (tools that embed elsewhere).</summary>
    public static LoadedModel Load(string packageDirectory, string encoderSha256)
    {
        var manifest = ModelPackage.Verify(packageDirectory);
        return LoadHeads(packageDirectory, manifest, encoderSha256, null, null);
    }

    private static LoadedModel LoadHeads(string packageDirectory, ModelManifest manifest, string encoderSha256, SentenceEncoder? encoder, SentenceEncoder? ownEncoder)
    {
        if (!string.Equals(manifest.Encoder.Sha256, encoderSha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelPackageException(
                $"Model {manifest.Version} was trained on encoder {manifest.Encoder.Sha256}, but this host runs {encoderSha256}.");
        }

        var heads = new List<(TaskHead, HeadSession)>();
        try
        {
            foreach (var head in manifest.AllHeads)
            {
                heads.Add((head, OpenAndProbe(packageDirectory, manifest.Version, head)));
            }
        }
        catch
        {
            heads.ForEach(h => h.Item2.Dispose());
            throw;
        }

        return new LoadedModel(manifest, heads, encoder, ownEncoder);
    }

    /// <summary>Whether any head takes VADER's valence scores (then the batch computes them once for all).</summary>
    public bool UsesLexicon => heads.Any(h => h.Session.UsesLexicon);

    /// <summary>Whether any head takes insult cues (then the batch computes them once for all).</summary>
    public bool UsesInsultCues => heads.Any(h => h.Session.UsesInsultCues);

    private static HeadSession OpenAndProbe(string packageDirectory, string version, TaskHead head)
    {
        HeadSession session;
        try
        {
            session = new HeadSession(Path.Combine(packageDirectory, head.Head.File), head.Head, head.Labels.Count);
        }
        catch (Exception exception) when (exception is not ModelPackageException)
        {
            throw new ModelPackageException($"Model {version}: ONNX Runtime cannot load the {head.Task} head {head.Head.File}: {exception.Message}", exception);
        }

        try
        {
            Probe(session, $"{version} ({head.Task} head)");
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private static void Probe(HeadSession head, string version)
    {
        float[] probabilities;
        try
        {
            var embedding = new float[SentenceEncoder.Dimensions];
            embedding[0] = 1f;
            probabilities = head.Predict(embedding, 1, new float[ValenceScores.Count], new float[InsultCues.Count]);
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
            var references = Volatile.Read(ref this.references);
            if (references == 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref this.references, references + 1, references) == references)
            {
                return true;
            }
        }
    }

    public void Release()
    {
        if (Interlocked.Decrement(ref references) == 0)
        {
            foreach (var (_, session) in heads)
            {
                session.Dispose();
            }

            ownEncoder?.Dispose();
        }
    }

    /// <summary>
    /// Every head's probabilities for <paramref name="rows"/> embeddings, by task (row-major [rows × labels], in
    /// the task's label order); call only while holding a reference.
    /// </summary>
    public IReadOnlyDictionary<string, float[]> Predict(float[] embeddings, int rows, float[]? lexicon = null, float[]? insultCues = null) =>
        heads.ToDictionary(h => h.Head.Task, h => h.Session.Predict(embeddings, rows, lexicon, insultCues), StringComparer.Ordinal);
}
