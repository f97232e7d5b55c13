using Azure.Data.Tables;
using Azure.Storage.Queues;
using Orleans.Configuration;
using Orleans.Streams;
using StreamingMarketing.Contracts;
using StreamingMarketing.Gateway.Ingest;
using StreamingMarketing.Silo.Hosting;

namespace StreamingMarketing.Client.Gateway;

/// <summary>How the standalone gateway finds the cluster and its streams, per profile; it must match the silos'.</summary>
public static class ClientProfiles
{
    public static string Configure(IClientBuilder client, IConfiguration configuration, IServiceCollection services)
    {
        var profile = configuration.GetValue("Client:Profile", Profiles.Embedded)!;
        var azure = configuration.GetSection(AzureSettings.SectionName).Get<AzureSettings>() ?? new AzureSettings();
        client.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = configuration.GetValue("Client:ClusterId", "streamingmarketing")!;
            cluster.ServiceId = configuration.GetValue("Client:ServiceId", "streamingmarketing")!;
        });
        client.Configure<GatewayOptions>(gateway => gateway.GatewayListRefreshPeriod = TimeSpan.FromSeconds(10));
        switch (profile)
        {
            case Profiles.Embedded:
                client.UseLocalhostClustering(configuration.GetValue("Client:GatewayPort", 30000));
                client.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePartitioning(StreamNames.DefaultMemoryQueues));
                break;
            case Profiles.LocalCluster:
                client.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(azure.StorageConnectionString));
                client.Configure<Orleans.Clustering.AzureStorage.AzureStorageGatewayOptions>(options => options.TableName = azure.ClusteringTable);
                client.AddAzureQueueStreams(StreamNames.Provider, queue => queue.Configure(options =>
                {
                    options.QueueServiceClient = new QueueServiceClient(azure.StorageConnectionString);
                    options.QueueNames = StreamNames.AzureQueues(azure.StreamQueues);
                }));
                break;
            case Profiles.Azure:
                azure.ValidateForEventHubs();
                client.UseAzureStorageClustering(options => options.TableServiceClient = new TableServiceClient(azure.StorageConnectionString));
                client.Configure<Orleans.Clustering.AzureStorage.AzureStorageGatewayOptions>(options => options.TableName = azure.ClusteringTable);
                client.AddEventHubStreams(StreamNames.Provider, options =>
                    options.ConfigureEventHubConnection(azure.EventHubsConnectionString!, azure.EventHubName, azure.EventHubConsumerGroup));
                break;
            default:
                throw new InvalidOperationException($"Unknown profile '{profile}': expected {Profiles.Embedded}, {Profiles.LocalCluster} or {Profiles.Azure}.");
        }

        ProfileIngestLimits.Apply(services, profile, besideTheSilo: false);
        return profile;
    }
}
