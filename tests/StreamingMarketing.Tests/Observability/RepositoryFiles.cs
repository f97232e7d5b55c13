namespace StreamingMarketing.Tests.Observability;

/// <summary>The committed deploy files, found from the test binaries by walking up to the solution folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PrometheusConfig => Path.Combine(Root, "deploy", "prometheus", "prometheus.yml");

    /// <summary>The file, beside prometheus.yml, that its scrape jobs read the metrics-scope API key from.</summary>
    public const string MetricsKeyFile = "streamingmarketing-metrics-key";

    public static string AlertRules => Path.Combine(Root, "deploy", "prometheus", "alerts.yml");
    public static string AlertRuleTests => Path.Combine(Root, "deploy", "prometheus", "alerts.test.yml");
    public static string GrafanaDashboard => Path.Combine(Root, "deploy", "grafana", "streamingmarketing-dashboard.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StreamingMarketing.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No StreamingMarketing.sln above {AppContext.BaseDirectory}.");
    }
}
