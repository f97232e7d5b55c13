using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace StreamingMarketing.Sentiment;

/// <summary>manifest.json of a model package: what it is, what it was trained on, how good it is.</summary>
public sealed record ModelManifest
{
    public const string FileName = "manifest.json";
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public required string Version { get; init; }

    public string Task { get; init; } = "sentiment";

    public required DateTimeOffset CreatedAt { get; init; }

    public required IReadOnlyList<string> Labels { get; init; }

    public required EncoderReference Encoder { get; init; }

    public required HeadReference Head { get; init; }

    public required ValidationMetrics Validation { get; init; }

    public required DataDescription Data { get; init; }

    public IReadOnlyDictionary<string, string> Training { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Further heads over the same encoder pass, by task ("emotion", "offensive", "hate"); the top-level
    /// labels/head/validation are the sentiment head. Optional, so format-1 packages without it still load.
    /// </summary>
    public IReadOnlyDictionary<string, TaskHead>? Heads { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ModelManifest Read(string packageDirectory)
    {
        var path = Path.Combine(packageDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new ModelPackageException($"Model package '{packageDirectory}' has no {FileName}.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static ModelManifest Parse(string json, string source)
    {
        ModelManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ModelManifest>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            throw new ModelPackageException($"{source} is not a valid model manifest: {exception.Message}", exception);
        }

        if (manifest is null || manifest.Format != CurrentFormat || string.IsNullOrWhiteSpace(manifest.Version)
            || manifest.Labels.Count < 2 || string.IsNullOrWhiteSpace(manifest.Head.File) || string.IsNullOrWhiteSpace(manifest.Encoder.Sha256))
        {
            throw new ModelPackageException($"{source} is incomplete: format {CurrentFormat}, version, labels, head file and encoder hash are required.");
        }

        foreach (var head in manifest.AllHeads)
        {
            if (head.Head is null || string.IsNullOrWhiteSpace(head.Head.File) || head.Labels is not { Count: >= 2 })
            {
                throw new ModelPackageException($"{source} is incomplete: the {head.Task} head needs a file and at least two labels.");
            }

            if (head.Head.File.Contains('/', StringComparison.Ordinal) || head.Head.File.Contains('\\', StringComparison.Ordinal))
            {
                throw new ModelPackageException($"{source} names head file '{head.Head.File}' outside the package.");
            }
        }

        if (manifest.Encoder.Delta is { } delta && (string.IsNullOrWhiteSpace(delta.File) || delta.File.Contains('/', StringComparison.Ordinal)
            || delta.File.Contains('\\', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(delta.Sha256) || string.IsNullOrWhiteSpace(delta.BaseSha256)))
        {
            throw new ModelPackageException($"{source} has an incomplete encoder delta: a file inside the package, its hash and the base encoder's hash are required.");
        }

        return manifest;
    }

    public void Write(string packageDirectory) =>
        File.WriteAllText(Path.Combine(packageDirectory, FileName), JsonSerializer.Serialize(this, JsonOptions));

    /// <summary>The sentiment head first, then the further heads in task order.</summary>
    [JsonIgnore]
    public IReadOnlyList<TaskHead> AllHeads =>
        [new TaskHead(Task, Labels, Head, Validation), .. (Heads ?? new Dictionary<string, TaskHead>()).OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => h.Value with { Task = h.Key })];

    /// <summary>Every file the package consists of, manifest last: it is the commit marker when copying.</summary>
    public IReadOnlyList<string> Files =>
        [.. AllHeads.Select(h => h.Head.File).Distinct(StringComparer.Ordinal), .. Encoder.Delta is { } delta ? [delta.File] : Array.Empty<string>(), FileName];
}

/// <summary>
/// One head: its task, labels (the graph's output order), graph and cross-validated metrics. Brand-safety heads
/// also carry their <see cref="Calibration"/> (with the documented threshold) and their <see cref="HeldOut"/>
/// measurements at that threshold; packages without them serve the raw probability at 0.5.
/// </summary>
public sealed record TaskHead(
    string Task,
    IReadOnlyList<string> Labels,
    HeadReference Head,
    ValidationMetrics Validation,
    HeadCalibration? Calibration = null,
    HeldOutEvaluation? HeldOut = null);

/// <summary>
/// The encoder the heads were trained on. <see cref="Sha256"/> is the graph that serves: the base encoder's for a
/// frozen-encoder package, the fine-tuned graph's (base + <see cref="Delta"/>) for a fine-tuned one.
/// </summary>
public sealed record EncoderReference(string Id, string Sha256, string Pooling, bool Normalized, int MaxTokens, EncoderDeltaReference? Delta = null);

/// <summary>
/// A fine-tuned encoder's changed initializers (<see cref="EncoderDelta"/>), applied at load to the base graph whose
/// SHA-256 is <see cref="BaseSha256"/>; <see cref="Tensors"/> of them, in <see cref="File"/>.
/// </summary>
public sealed record EncoderDeltaReference(string File, string Sha256, string BaseSha256, int Tensors);

/// <summary>
/// The head graph: input is [n × 384] float embeddings, output [n × labels] probabilities. A head with a
/// <see cref="LexiconInput"/> also takes [n × 4] VADER valence scores (<see cref="ValenceScores"/>) there, and one
/// with an <see cref="InsultCuesInput"/> [n × 4] insult cues (<see cref="InsultCues"/>).
/// </summary>
public sealed record HeadReference(string File, string Sha256, string Input, string Output, string? LexiconInput = null, string? InsultCuesInput = null);

public sealed record DataDescription(string Description, IReadOnlyList<string> Sources, int Examples, IReadOnlyDictionary<string, int> ClassCounts);
