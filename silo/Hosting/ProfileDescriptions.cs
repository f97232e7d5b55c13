namespace StreamingMarketing.Silo.Hosting;

/// <summary>What each profile runs, in words for the startup log.</summary>
public static class ProfileDescriptions
{
    public static string Streams(string profile) => profile switch
    {
        Profiles.Embedded => "memory streams (in-process queues)",
        _ => profile,
    };

    public static string GrainState(string profile) => profile switch
    {
        Profiles.Embedded => "SQLite under the data dir",
        _ => profile,
    };
}
