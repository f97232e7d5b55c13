using System.Security.Cryptography;
using System.Text;

namespace StreamingMarketing.Tests.Deploy;

/// <summary>
/// Well-formed stand-ins for what an operator puts in the Secret <c>streamingmarketing-secrets</c>: they parse like
/// real connection strings (so clients can be constructed) but point at accounts that do not exist.
/// </summary>
public static class FakeSecrets
{
    public const string StorageAccount = "smdeploytest";
    public const string EventHubsNamespace = "sm-deploy-test.servicebus.windows.net";

    private static readonly string Key = Convert.ToBase64String(new byte[32]);

    public static readonly string StorageConnectionString =
        $"DefaultEndpointsProtocol=https;AccountName={StorageAccount};AccountKey={Key};EndpointSuffix=core.windows.net";

    public static readonly string EventHubsConnectionString =
        $"Endpoint=sb://{EventHubsNamespace}/;SharedAccessKeyName=silo;SharedAccessKey={Key}";

    public static readonly string ApiKeySha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("deploy-test-key")));

    /// <summary>By the Secret's key names, which are also the configuration keys the hosts read.</summary>
    public static readonly IReadOnlyDictionary<string, string> ByKey = new Dictionary<string, string>
    {
        ["Azure__StorageConnectionString"] = StorageConnectionString,
        ["Azure__EventHubsConnectionString"] = EventHubsConnectionString,
        ["Auth__ApiKeys__0__KeySha256"] = ApiKeySha256,
        ["Auth__ApiKeys__1__KeySha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("deploy-test-dashboard-key"))),
        ["Auth__ApiKeys__2__KeySha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("deploy-test-operators-key"))),
        ["Auth__ApiKeys__3__KeySha256"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("deploy-test-prometheus-key"))),
    };
}
