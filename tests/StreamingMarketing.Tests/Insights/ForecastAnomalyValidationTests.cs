using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Insights.Alerts;

namespace StreamingMarketing.Tests.Insights;

public sealed class ForecastAnomalyValidationTests
{
    private static readonly DateTime Now = new(2025, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly ForecastAnomalyRule Broken = new() { Coverage = 0.9, ResolveCoverage = 0.95, MinHistoryHours = 12, MinExcess = -1 };

    [Fact]
    public void A_metadata_override_out_of_bounds_names_every_field()
    {
        var problems = new List<string>();
        var metadata = CampaignMetadataValidation.Validate("spring", new CampaignMetadataRequest
        {
            Name = "Spring", AlertRules = new AlertRuleSet { ForecastAnomaly = Broken },
        }, Now, problems);

        Assert.Null(metadata);
        Assert.Contains("alertRules.forecastAnomaly.resolveCoverage must be lower than alertRules.forecastAnomaly.coverage (the narrower band keeps the alert from flapping).", problems);
        Assert.Contains("alertRules.forecastAnomaly.minHistoryHours must be between 48 and 719.", problems);
        Assert.Contains("alertRules.forecastAnomaly.minExcess must be between 0 and 1000000000.", problems);
    }

    [Fact]
    public void A_sensible_override_is_kept()
    {
        var problems = new List<string>();
        var metadata = CampaignMetadataValidation.Validate("spring", new CampaignMetadataRequest
        {
            Name = "Spring", AlertRules = new AlertRuleSet { ForecastAnomaly = new ForecastAnomalyRule { Coverage = 0.995, MinHistoryHours = 72 } },
        }, Now, problems);

        Assert.Empty(problems);
        Assert.Equal(0.995, metadata!.AlertRules!.ForecastAnomaly!.Coverage);
    }

    [Fact]
    public void Configured_defaults_out_of_bounds_fail_validation_naming_the_configuration_keys()
    {
        var options = new AlertOptions { Rules = new AlertRuleSet { ForecastAnomaly = new ForecastAnomalyRule { Coverage = 1.5 } } };

        var result = new AlertOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Alerts:Rules:ForecastAnomaly:Coverage must be between 0.5 and 0.999.", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new AlertOptionsValidator().Validate(null, new AlertOptions()).Succeeded);
    }
}
