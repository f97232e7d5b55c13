namespace StreamingMarketing.Tests.Infrastructure;

/// <summary>Finds the repository and the build outputs the out-of-process tests start.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: whatever this test assembly was built as, so the silo started matches the code tested.</summary>
    public static string Configuration { get; } =
        Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;

    public static string SiloDll => Path.Combine(Root, "silo", "bin", Configuration, "net10.0", "StreamingMarketing.Silo.dll");

    public static string Azurite => Path.Combine(Root, "deploy", "local-cluster", "node_modules", ".bin", "azurite");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StreamingMarketing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("StreamingMarketing.sln not found above " + AppContext.BaseDirectory);
    }
}
