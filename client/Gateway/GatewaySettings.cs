using StreamingMarketing.Hosting;

namespace StreamingMarketing.Client.Gateway;

/// <summary>The standalone gateway's host settings, configuration section <c>Client</c> (and the flags mapped onto it).</summary>
public sealed class GatewaySettings
{
    public const string SectionName = "Client";

    /// <summary>Command-line flags, mapped to configuration keys.</summary>
    public static readonly Dictionary<string, string> CommandLineSwitches = new()
    {
        ["--gateway-port"] = "Client:GatewayPort",
        ["--profile"] = "Client:Profile",
    };

    /// <summary>The profile of the silos it connects to: their clustering and streams.</summary>
    public string Profile { get; set; } = Profiles.Embedded;

    public string ClusterId { get; set; } = "streamingmarketing";
    public string ServiceId { get; set; } = "streamingmarketing";

    /// <summary>The Orleans gateway port of the embedded silo it connects to.</summary>
    public int GatewayPort { get; set; } = 30000;

    public ClusterEndpoints Endpoints => new(ClusterId, ServiceId, SiloPort: 0, GatewayPort);
}
