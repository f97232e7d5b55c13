namespace StreamingMarketing.Grains.Storage;

public sealed class SqliteGrainStorageOptions
{
    /// <summary>Path of the database file; created with its folder when missing.</summary>
    public string DatabasePath { get; set; } = Path.Combine(".data", "grains.db");

    /// <summary>At most this many pending writes go into one transaction.</summary>
    public int MaxWritesPerTransaction { get; set; } = 512;
}
