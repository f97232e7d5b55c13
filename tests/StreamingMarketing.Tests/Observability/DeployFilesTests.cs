namespace StreamingMarketing.Tests.Observability;

/// <summary>The committed Prometheus files, checked by the real promtool.</summary>
[Trait("Category", "Functional")]
public sealed class DeployFilesTests
{
    [Fact]
    public async Task Prometheus_config_passes_promtool_check_config()
    {
        // As deployed: beside alerts.yml and the metrics key file the Secret mounts (promtool checks that it exists).
        var directory = Directory.CreateTempSubdirectory("sm-prometheus-config-").FullName;
        File.Copy(RepositoryFiles.PrometheusConfig, Path.Combine(directory, "prometheus.yml"));
        File.Copy(RepositoryFiles.AlertRules, Path.Combine(directory, "alerts.yml"));
        await File.WriteAllTextAsync(Path.Combine(directory, RepositoryFiles.MetricsKeyFile), "a-metrics-key");

        var result = await Promtool.RunAsync(null, "check", "config", Path.Combine(directory, "prometheus.yml"));

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public void Every_scrape_job_sends_the_metrics_key_as_a_bearer_token()
    {
        var config = File.ReadAllText(RepositoryFiles.PrometheusConfig);

        var jobs = config.Split("- job_name:").Skip(1).ToArray();

        Assert.NotEmpty(jobs);
        Assert.All(jobs, job => Assert.Contains($"type: Bearer\n      credentials_file: {RepositoryFiles.MetricsKeyFile}\n", job.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task Alert_rules_pass_promtool_check_rules()
    {
        var result = await Promtool.RunAsync(null, "check", "rules", RepositoryFiles.AlertRules);

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Fact]
    public async Task Alert_rules_fire_as_their_unit_tests_say()
    {
        var result = await Promtool.RunAsync(null, "test", "rules", RepositoryFiles.AlertRuleTests);

        Assert.True(result.ExitCode == 0, result.Output);
    }
}
