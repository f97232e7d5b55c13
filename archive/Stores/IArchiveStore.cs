namespace StreamingMarketing.Archive.Stores;

/// <summary>
/// Where segments are kept: a folder under the data dir (embedded profile) or a blob container (Azure profiles).
/// A segment appears whole or not at all, under a name no other writer uses, and is never changed after.
/// </summary>
public interface IArchiveStore
{
    /// <summary>Stores a finished segment; a reader never sees it half written.</summary>
    Task PutAsync(string path, byte[] bytes, CancellationToken cancellationToken = default);

    /// <summary>The paths of the segments under <paramref name="prefix"/> (<c>events/</c>, an hour's folder, …).</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken = default);

    Task<Stream> OpenAsync(string path, CancellationToken cancellationToken = default);

    Task DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>What a log line names: the folder or the container.</summary>
    string Describe();
}
