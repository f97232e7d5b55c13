namespace StreamingMarketing.Hosting;

/// <summary>The deployment profiles; each names one clustering, one stream provider and one grain storage.</summary>
public static class Profiles
{
    public const string Embedded = "embedded";
    public const string LocalCluster = "local-cluster";
    public const string Azure = "azure";

    public static readonly string[] All = [Embedded, LocalCluster, Azure];

    public static string RequireKnown(string profile) => All.Contains(profile)
        ? profile
        : throw new InvalidOperationException($"Unknown profile '{profile}': expected {Embedded}, {LocalCluster} or {Azure}.");

    /// <summary>What each profile's streams are, in words for the startup log.</summary>
    public static string DescribeStreams(string profile) => profile switch
    {
        Embedded => "memory streams (in-process queues)",
        LocalCluster => "Azure Queue streams (Azurite)",
        Azure => "Event Hubs streams, Azure Table checkpoints",
        _ => profile,
    };

    /// <summary>Where each profile keeps grain state, in words for the startup log.</summary>
    public static string DescribeGrainState(string profile) => profile switch
    {
        Embedded => "SQLite under the data dir",
        LocalCluster or Azure => "Azure Blob grain state, Azure Table clustering",
        _ => profile,
    };
}
