using System.Text.Json;

namespace StreamingMarketing.Sentiment;

/// <summary>The content of the registry's current.json.</summary>
public sealed record PromotedPointer(string Version, DateTimeOffset PromotedAt)
{
    public const string FileName = "current.json";

    public string ToJson() => JsonSerializer.Serialize(this, ModelManifest.JsonOptions);

    public static PromotedPointer Parse(string json) =>
        JsonSerializer.Deserialize<PromotedPointer>(json, ModelManifest.JsonOptions) is { Version.Length: > 0 } pointer
            ? pointer
            : throw new ModelPackageException($"The registry's {FileName} names no version.");
}
