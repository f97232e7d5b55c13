using System.Security.Cryptography;
using System.Text;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Training;

/// <summary>
/// Embeddings already computed, keyed by SHA-256 of the text, in one file per encoder hash (a different encoder
/// never reuses them). Reruns of training skip the encoder, which is almost all of the time.
/// </summary>
public sealed class EmbeddingCache
{
    private const int KeyBytes = 32;
    private readonly string path;
    private readonly Dictionary<string, float[]> entries = new(StringComparer.Ordinal);
    private bool dirty;

    public EmbeddingCache(string directory, string encoderSha256)
    {
        Directory.CreateDirectory(directory);
        path = Path.Combine(directory, $"embeddings-{encoderSha256[..16]}.bin");
        if (File.Exists(path))
        {
            Load();
        }
    }

    public int Count => entries.Count;

    public bool TryGet(string text, out float[] embedding) => entries.TryGetValue(Key(text), out embedding!);

    public void Add(string text, float[] embedding)
    {
        entries[Key(text)] = embedding;
        dirty = true;
    }

    public void Save()
    {
        if (!dirty)
        {
            return;
        }

        var staging = path + ".partial";
        using (var writer = new BinaryWriter(File.Create(staging)))
        {
            foreach (var (key, embedding) in entries)
            {
                writer.Write(Convert.FromHexString(key));
                foreach (var value in embedding)
                {
                    writer.Write(value);
                }
            }
        }

        File.Move(staging, path, overwrite: true);
        dirty = false;
    }

    private void Load()
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var recordBytes = KeyBytes + (SentenceEncoder.Dimensions * sizeof(float));
        var records = reader.BaseStream.Length / recordBytes;
        for (var i = 0; i < records; i++)
        {
            var key = Convert.ToHexString(reader.ReadBytes(KeyBytes));
            var embedding = new float[SentenceEncoder.Dimensions];
            for (var d = 0; d < embedding.Length; d++)
            {
                embedding[d] = reader.ReadSingle();
            }

            entries[key] = embedding;
        }
    }

    private static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
