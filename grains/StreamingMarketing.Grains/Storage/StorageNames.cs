namespace StreamingMarketing.Grains.Storage;

public static class StorageNames
{
    /// <summary>The grain storage provider every profile registers under this name (SQLite, Azure Table or Blob).</summary>
    public const string GrainState = "grain-state";
}
