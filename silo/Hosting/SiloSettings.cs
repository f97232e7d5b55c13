using StreamingMarketing.Hosting;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>Host settings from configuration section <c>Silo</c> (and the command-line flags mapped onto it).</summary>
public sealed class SiloSettings
{
    public const string SectionName = "Silo";
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Command-line flags, mapped to configuration keys.</summary>
    public static readonly Dictionary<string, string> CommandLineSwitches = new()
    {
        ["--profile"] = "Silo:Profile",
        ["--data-dir"] = "Silo:DataDir",
        ["--silo-port"] = "Silo:SiloPort",
        ["--gateway-port"] = "Silo:GatewayPort",
        ["--roles"] = "Silo:Roles",
    };

    public string Profile { get; set; } = Profiles.Embedded;
    public string DataDir { get; set; } = ".data";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>Roles this silo holds, exported as silo metadata; the embedded silo holds every role.</summary>
    public string Roles { get; set; } = "scoring";

    /// <summary>Stream queues: at least 16, because one memory-stream queue holds only 16,384 items.</summary>
    public int StreamQueues { get; set; } = StreamingMarketing.Contracts.StreamNames.DefaultMemoryQueues;

    /// <summary>
    /// How long the embedded memory streams keep an event in their cache. A subscriber that falls further behind than
    /// this loses events, so it stays far above the delivery lag (under a second at full load, see Ingest:MaxEventsInFlight).
    /// </summary>
    public TimeSpan StreamCacheRetention { get; set; } = MemoryStreamSettings.DefaultCacheRetention;

    public string ClusterId { get; set; } = "streamingmarketing";
    public string ServiceId { get; set; } = "streamingmarketing";

    public string FullDataDir => Path.GetFullPath(DataDir);

    public ClusterEndpoints Endpoints => new(ClusterId, ServiceId, SiloPort, GatewayPort);

    public MemoryStreamSettings MemoryStreams => new(StreamQueues, StreamCacheRetention);
}
