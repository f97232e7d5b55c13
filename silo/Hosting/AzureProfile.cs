using Azure.Data.Tables;
using Orleans.Configuration;
using Orleans.Streams;
using StreamingMarketing.Contracts;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>
/// Production on Azure: Event Hubs streams with the Azure Table checkpointer, Azure Storage clustering, grain state
/// and model registry; optionally Kubernetes hosting. Event Hubs replays from its last checkpoint after a restart,
/// which the grains' dedupe absorbs; state is written before a checkpoint can move past it.
/// </summary>
public static class AzureProfile
{
    public static void Configure(ISiloBuilder silo, SiloSettings settings, AzureSettings azure, IConfiguration configuration)
    {
        azure.ValidateForEventHubs();
        if (azure.Kubernetes)
        {
            silo.UseKubernetesHosting();
        }
        else
        {
            silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        }

        AzureStorageProviders.AddClusteringAndState(silo, azure);
        AzureStorageProviders.WriteStateBeforeAck(silo);
        silo.AddEventHubStreams(StreamNames.Provider, streams =>
        {
            streams.ConfigureEventHub(hub => hub.Configure(options =>
                options.ConfigureEventHubConnection(azure.EventHubsConnectionString!, azure.EventHubName, azure.EventHubConsumerGroup)));
            streams.UseAzureTableCheckpointer(checkpoint => checkpoint.Configure(options =>
            {
                options.TableServiceClient = new TableServiceClient(azure.StorageConnectionString);
                options.TableName = azure.CheckpointTable;
                options.PersistInterval = TimeSpan.FromSeconds(10);
            }));
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
        LocalClusterProfile.UseBlobModelRegistry(configuration, azure);
    }

}
