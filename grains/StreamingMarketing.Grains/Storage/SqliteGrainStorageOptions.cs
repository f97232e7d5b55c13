namespace StreamingMarketing.Grains.Storage;

public sealed class SqliteGrainStorageOptions
{
    /// <summary>Path of the database file; created with its folder when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine(".data", "grains.db");
}
