namespace StreamingMarketing.Sentiment;

/// <summary>The "Sentiment" configuration section.</summary>
public sealed class SentimentOptions
{
    public const string SectionName = "Sentiment";

    /// <summary><c>Sentiment:Device</c>: auto (CUDA, else CPU), cuda (or fail at startup), cpu.</summary>
    public ExecutionDevice Device { get; set; } = ExecutionDevice.Auto;

    /// <summary>
    /// <c>Sentiment:IntraOpThreads</c>: ONNX Runtime threads per encoder run; 0 means one per processor this process may
    /// use (<see cref="Environment.ProcessorCount"/>; set explicitly, never ONNX Runtime's default, which pins threads to cores).
    /// </summary>
    public int IntraOpThreads { get; set; }

    /// <summary><c>Sentiment:MaxBatchSize</c>: a batch runs as soon as this many texts wait.</summary>
    public int MaxBatchSize { get; set; } = 32;

    /// <summary><c>Sentiment:MaxBatchDelayMs</c>: ...or as soon as the oldest waiting text has waited this long.</summary>
    public int MaxBatchDelayMs { get; set; } = 5;

    /// <summary>
    /// <c>Sentiment:MaxQueueLength</c>: texts allowed to wait; beyond it callers get
    /// <see cref="ScorerOverloadedException"/> (HTTP 503) instead of unbounded memory and latency.
    /// </summary>
    public int MaxQueueLength { get; set; } = 4096;

    /// <summary><c>Sentiment:RegistryPollSeconds</c>: how often the host looks for a newly promoted model.</summary>
    public double RegistryPollSeconds { get; set; } = 2;

    /// <summary><c>Sentiment:EncoderDirectory</c>: defaults to encoder/ beside the application.</summary>
    public string? EncoderDirectory { get; set; }

    /// <summary><c>Sentiment:SeedDirectory</c>: packages that seed an empty registry; defaults to models/ beside the application.</summary>
    public string? SeedDirectory { get; set; }

    public ModelRegistryOptions Registry { get; set; } = new();

    public BrandSafetyOptions BrandSafety { get; set; } = new();

    public void Validate()
    {
        BrandSafety.Validate();
        if (MaxBatchSize < 1 || MaxBatchDelayMs < 0 || MaxQueueLength < MaxBatchSize || IntraOpThreads < 0 || RegistryPollSeconds <= 0)
        {
            throw new InvalidOperationException(
                $"Invalid Sentiment options: MaxBatchSize {MaxBatchSize} (>= 1), MaxBatchDelayMs {MaxBatchDelayMs} (>= 0), " +
                $"MaxQueueLength {MaxQueueLength} (>= MaxBatchSize), IntraOpThreads {IntraOpThreads} (>= 0), RegistryPollSeconds {RegistryPollSeconds} (> 0).");
        }
    }
}

/// <summary>
/// The "Sentiment:BrandSafety" section. The heads' calibrated probabilities hold at the share of offensive (hateful)
/// texts in their calibration tweets, far above what most brands' streams carry; a deployment that knows its own
/// share states it here and scores are prior-shift corrected to it. Flags stay at the documented operating point
/// (the threshold shifts with the score), so the manifest's precision and recall keep describing them.
/// </summary>
public sealed class BrandSafetyOptions
{
    /// <summary><c>Sentiment:BrandSafety:OffensiveBaseRate</c>: expected share of offensive texts, in (0, 1); unset keeps the package's.</summary>
    public double? OffensiveBaseRate { get; set; }

    /// <summary><c>Sentiment:BrandSafety:HateBaseRate</c>: expected share of hateful texts, in (0, 1); unset keeps the package's.</summary>
    public double? HateBaseRate { get; set; }

    public void Validate()
    {
        if (OffensiveBaseRate is <= 0 or >= 1 || HateBaseRate is <= 0 or >= 1)
        {
            throw new InvalidOperationException(
                $"Invalid Sentiment:BrandSafety options: OffensiveBaseRate {OffensiveBaseRate} and HateBaseRate {HateBaseRate} must lie strictly between 0 and 1 (or be unset).");
        }
    }
}

/// <summary>The "Sentiment:Registry" section: where model packages are published and promoted.</summary>
public sealed class ModelRegistryOptions
{
    /// <summary><c>Sentiment:Registry:Kind</c>: FileSystem (under the data directory) or AzureBlob.</summary>
    public ModelRegistryKind Kind { get; set; } = ModelRegistryKind.FileSystem;

    /// <summary><c>Sentiment:Registry:Path</c>: file-system registry root; defaults to &lt;dataDir&gt;/models.</summary>
    public string? Path { get; set; }

    /// <summary><c>Sentiment:Registry:ConnectionString</c>: Azure Storage connection string (AzureBlob).</summary>
    public string? ConnectionString { get; set; }

    /// <summary><c>Sentiment:Registry:Container</c>: blob container (AzureBlob).</summary>
    public string Container { get; set; } = "models";
}

public enum ModelRegistryKind
{
    FileSystem,
    AzureBlob,
}
