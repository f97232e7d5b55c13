namespace StreamingMarketing.Sentiment.Tests;

/// <summary>The shipped package (copied to the test output by the sentiment project) and variants of it.</summary>
public static class Packages
{
    /// <summary>The first shipped package (sentiment head only); tests copy and corrupt it.</summary>
    public static string Shipped => Path.Combine(AppContext.BaseDirectory, "models", "sentiment-v1");

    /// <summary>The package an empty registry promotes: the newest in models/ (sentiment, emotion, offensive, hate heads).</summary>
    public const string NewestShippedVersion = "sentiment-v6";

    public static string NewestShipped => Path.Combine(AppContext.BaseDirectory, "models", NewestShippedVersion);

    /// <summary>A copy of the shipped package under a new version (same head, later creation time).</summary>
    public static string CopyAs(string version, string parentDirectory)
    {
        var target = Path.Combine(parentDirectory, version);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(Shipped))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        var manifest = ModelManifest.Read(target) with { Version = version, CreatedAt = DateTimeOffset.UtcNow };
        manifest.Write(target);
        return target;
    }

    /// <summary>Flips bytes in the middle of the head file, as a torn or bit-rotted upload would.</summary>
    public static void CorruptHead(string packageDirectory)
    {
        var head = Path.Combine(packageDirectory, ModelManifest.Read(packageDirectory).Head.File);
        var bytes = File.ReadAllBytes(head);
        for (var i = bytes.Length / 2; i < (bytes.Length / 2) + 64; i++)
        {
            bytes[i] ^= 0x5A;
        }

        File.WriteAllBytes(head, bytes);
    }
}
