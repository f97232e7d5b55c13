using Microsoft.Extensions.Options;
using StreamingMarketing.Silo.Hosting;
using StreamingMarketing.Tests.Infrastructure;

namespace StreamingMarketing.Tests.Configuration;

/// <summary>A setting no host could run with stops it at start, with a message that names the key.</summary>
public sealed class SettingsValidationTests : IDisposable
{
    private readonly string dataDir = RunningSilo.NewDataDir();

    public void Dispose()
    {
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Theory]
    [InlineData("Aggregation:OutboxRoundWindow", "-00:00:01")]
    [InlineData("Aggregation:OutboxDeliveryAttempts", "0")]
    [InlineData("Ingest:MaxEventsPerRequest", "0")]
    [InlineData("Alerts:DeliveryWorkers", "0")]
    [InlineData("Validation:MaxAge", "00:00:00")]
    [InlineData("Archive:MaxSegmentEvents", "0")]
    [InlineData("Archive:RetentionDays", "0")]
    [InlineData("Recommender:RegistryPollInterval", "00:00:00")]
    public async Task The_silo_refuses_to_start_with_a_bad_value_and_names_its_key(string key, string value)
    {
        await using var silo = SiloHost.Build(Args($"--{key}", value));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => silo.StartAsync());

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_host_setting_stops_the_silo_before_it_is_built()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloHost.Build(Args("--Azure:StreamQueues", "0")));

        Assert.Contains("Azure:StreamQueues", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_profile_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloHost.Build(Args("--profile", "cloudy")));

        Assert.Contains("Silo:Profile", error.Message, StringComparison.Ordinal);
    }

    private string[] Args(params string[] extra) =>
    [
        "--urls", "http://127.0.0.1:0",
        "--data-dir", dataDir,
        "--silo-port", FreePorts.Next().ToString(),
        "--gateway-port", FreePorts.Next().ToString(),
        "--Logging:LogLevel:Default", "Warning",
        .. extra,
    ];
}
