namespace StreamingMarketing.Silo.Hosting;

/// <summary>What each profile runs, in words for the startup log.</summary>
public static class ProfileDescriptions
{
    public static string Streams(string profile) => profile switch
    {
        Profiles.Embedded => "memory streams (in-process queues)",
        Profiles.LocalCluster => "Azure Queue streams (Azurite)",
        Profiles.Azure => "Event Hubs streams, Azure Table checkpoints",
        _ => profile,
    };

    public static string GrainState(string profile) => profile switch
    {
        Profiles.Embedded => "SQLite under the data dir",
        Profiles.LocalCluster or Profiles.Azure => "Azure Blob grain state, Azure Table clustering",
        _ => profile,
    };
}
