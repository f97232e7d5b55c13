using System.Net;
using Azure.Storage.Queues;
using Orleans.Streams;
using StreamingMarketing.Contracts;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>
/// Several silo processes on one machine against Azurite: Azure Table clustering, Azure Queue streams (durable,
/// at-least-once), Azure Blob grain state and the Blob model registry.
/// </summary>
public static class LocalClusterProfile
{
    public static void Configure(ISiloBuilder silo, SiloSettings settings, AzureSettings azure, IConfiguration configuration)
    {
        silo.ConfigureEndpoints(IPAddress.Loopback, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
        AzureStorageProviders.AddClusteringAndState(silo, azure);
        AzureStorageProviders.WriteStateBeforeAck(silo);
        silo.AddAzureQueueStreams(StreamNames.Provider, streams =>
        {
            streams.ConfigureAzureQueue(queue => queue.Configure(options =>
            {
                options.QueueServiceClient = new QueueServiceClient(azure.StorageConnectionString);
                options.QueueNames = StreamNames.AzureQueues(azure.StreamQueues);
                options.MessageVisibilityTimeout = azure.QueueVisibilityTimeout;
            }));
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
        });
        UseBlobModelRegistry(configuration, azure);
    }

    /// <summary>Every silo of the cluster serves from one registry, unless configuration names another.</summary>
    public static void UseBlobModelRegistry(IConfiguration configuration, AzureSettings azure)
    {
        if (configuration["Sentiment:Registry:Kind"] is null)
        {
            configuration["Sentiment:Registry:Kind"] = "AzureBlob";
            configuration["Sentiment:Registry:ConnectionString"] = azure.StorageConnectionString;
        }
    }
}
