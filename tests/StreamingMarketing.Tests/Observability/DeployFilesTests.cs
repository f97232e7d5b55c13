namespace StreamingMarketing.Tests.Observability;

/// <summary>The committed Prometheus files, checked by the real promtool.</summary>
public sealed class DeployFilesTests
{
    [Fact]
    public async Task Prometheus_config_passes_promtool_check_config()
    {
        var result = await Promtool.RunAsync(null, "check", "config", RepositoryFiles.PrometheusConfig);

        Assert.True(result.ExitCode == 0, result.Output);
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
