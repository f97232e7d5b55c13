namespace StreamingMarketing.Benchmarks;

/// <summary>Scratch directories the benchmarks leave behind when they are done with them.</summary>
internal static class BenchmarkFiles
{
    /// <summary>Best effort: a file still held open (a silo's log, SQLite's journal) must not fail a finished run.</summary>
    public static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
