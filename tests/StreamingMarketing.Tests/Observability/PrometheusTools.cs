namespace StreamingMarketing.Tests.Observability;

/// <summary>Debian's Prometheus server and promtool, which <c>.ci/prepare</c> installs. Missing tools fail the test: never a skip.</summary>
public static class PrometheusTools
{
    public const string Server = "/usr/bin/prometheus";
    public const string Promtool = "/usr/bin/promtool";

    public static string Require(string path) =>
        File.Exists(path)
            ? path
            : throw new InvalidOperationException(
                $"{path} is missing: the observability tests drive a real Prometheus. Run .ci/prepare (installs Debian's 'prometheus' package, which brings promtool).");
}
