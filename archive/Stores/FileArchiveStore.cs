using System.Runtime.CompilerServices;

namespace StreamingMarketing.Archive.Stores;

/// <summary>
/// Embedded profile: segments as files under <c>archive/</c> in the data dir. A segment is written to a temporary
/// name, flushed to disk and renamed, so a crash leaves either nothing or a <c>.tmp</c> file readers never list.
/// </summary>
public sealed class FileArchiveStore(string root) : IArchiveStore
{
    public const string TemporarySuffix = ".tmp";

    public string Root { get; } = Path.GetFullPath(root);

    public async Task PutAsync(string path, byte[] bytes, CancellationToken cancellationToken = default)
    {
        var target = Full(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temporary = target + TemporarySuffix;
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            await file.WriteAsync(bytes, cancellationToken);
            // The rename below must not reach the disk before the bytes it names.
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, target, overwrite: false);
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        var folder = Full(prefix);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*" + Segments.SegmentName.Extension, SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Path.GetRelativePath(Root, file).Replace('\\', '/');
        }
    }

    public Task<Stream> OpenAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new FileStream(Full(path), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous));

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Full(path);
        File.Delete(full);
        // Empty hour folders go with their last segment, so retention leaves no trail of folders behind.
        for (var folder = Path.GetDirectoryName(full); folder is not null && folder.Length > Root.Length && !Directory.EnumerateFileSystemEntries(folder).Any(); folder = Path.GetDirectoryName(folder))
        {
            Directory.Delete(folder);
        }

        return Task.CompletedTask;
    }

    /// <summary>Removes what writes cut short by a crash left under <c>.tmp</c> names.</summary>
    public int DeleteTemporaryFiles()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Root, "*" + TemporarySuffix, SearchOption.AllDirectories))
        {
            File.Delete(file);
            removed++;
        }

        return removed;
    }

    public string Describe() => Root;

    private string Full(string path) => Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar));
}
