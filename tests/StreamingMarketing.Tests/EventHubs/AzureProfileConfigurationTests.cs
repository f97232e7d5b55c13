using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using StreamingMarketing.Contracts;
using StreamingMarketing.Hosting;
using StreamingMarketing.Silo.Hosting;
using StreamingMarketing.Tests.Deploy;

namespace StreamingMarketing.Tests.EventHubs;

/// <summary>
/// The azure profile's Event Hubs configuration, checked without an Event Hubs namespace: missing or wrong settings
/// stop the silo while it is built, with the setting to fix in the message; valid settings reach the options the
/// Event Hubs stream provider and its Azure Table checkpointer read. Building the host connects to nothing.
/// </summary>
public sealed class AzureProfileConfigurationTests : IDisposable
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), $"sm-eventhubs-config-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }

    [Fact]
    public void Without_an_event_hubs_connection_string_the_silo_stops_naming_the_environment_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloHost.Build(AzureArgs(
            "--Azure:StorageConnectionString", FakeSecrets.StorageConnectionString)));

        Assert.Contains("Azure__EventHubsConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_Azurite_storage_the_silo_stops_asking_for_a_real_storage_account()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloHost.Build(AzureArgs(
            "--Azure:EventHubsConnectionString", FakeSecrets.EventHubsConnectionString)));

        Assert.Contains("Azure__StorageConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("not Azurite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_event_hub_name_the_silo_stops_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloHost.Build(AzureArgs(
            "--Azure:StorageConnectionString", FakeSecrets.StorageConnectionString,
            "--Azure:EventHubsConnectionString", FakeSecrets.EventHubsConnectionString,
            "--Azure:EventHubName", " ")));

        Assert.Contains("Azure:EventHubName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_settings_bind_to_the_event_hub_options_of_the_interactions_provider()
    {
        await using var silo = SiloHost.Build(ValidArgs());

        var hub = silo.Services.GetRequiredService<IOptionsMonitor<EventHubOptions>>().Get(StreamNames.Provider);

        Assert.Equal("campaign-interactions", Internal<string>(hub, "EventHubName"));
        Assert.Equal("silos", Internal<string>(hub, "ConsumerGroup"));
        // Creating the connection parses the connection string; it opens nothing until first use.
        var connection = Internal<EventHubOptions.CreateConnectionDelegate>(hub, "CreateConnection")(hub.ConnectionOptions);
        await using (connection)
        {
            Assert.Equal(FakeSecrets.EventHubsNamespace, connection.FullyQualifiedNamespace);
            Assert.Equal("campaign-interactions", connection.EventHubName);
        }
    }

    [Fact]
    public async Task Valid_settings_bind_to_the_azure_table_checkpointer_of_the_interactions_provider()
    {
        await using var silo = SiloHost.Build(ValidArgs());

        var checkpoints = silo.Services.GetRequiredService<IOptionsMonitor<AzureTableStreamCheckpointerOptions>>().Get(StreamNames.Provider);

        Assert.Equal("smcheckpoints", checkpoints.TableName);
        // Bounds how far Event Hubs replays after a crash; the grains' dedupe absorbs the replay.
        Assert.Equal(TimeSpan.FromSeconds(10), checkpoints.PersistInterval);
        Assert.Equal(FakeSecrets.StorageAccount, checkpoints.TableServiceClient!.AccountName);
    }

    [Fact]
    public async Task Valid_settings_pass_the_configuration_validators_Orleans_runs_when_the_silo_starts()
    {
        await using var silo = SiloHost.Build(ValidArgs());

        var validators = silo.Services.GetServices<IConfigurationValidator>().ToList();

        // Among them: the Event Hubs options and "a checkpointer is configured" validators of the interactions provider.
        Assert.Contains(validators, v => v is EventHubOptionsValidator);
        Assert.Contains(validators, v => v is StreamCheckpointerConfigurationValidator);
        foreach (var validator in validators)
        {
            validator.ValidateConfiguration();
        }
    }

    /// <summary>
    /// Orleans keeps what ConfigureEventHubConnection stored internal (only its own validator and adapter read it);
    /// reading it is the one way to see the binding without a namespace to connect to.
    /// </summary>
    private static T Internal<T>(EventHubOptions options, string property) =>
        (T)typeof(EventHubOptions).GetProperty(property, BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(options)!;

    private string[] AzureArgs(params string[] settings) =>
        ["--profile", Profiles.Azure, "--roles", "ingest", "--data-dir", dataDir, .. settings];

    private string[] ValidArgs() => AzureArgs(
        "--Azure:StorageConnectionString", FakeSecrets.StorageConnectionString,
        "--Azure:EventHubsConnectionString", FakeSecrets.EventHubsConnectionString,
        "--Azure:EventHubName", "campaign-interactions",
        "--Azure:EventHubConsumerGroup", "silos",
        "--Azure:CheckpointTable", "smcheckpoints");
}
