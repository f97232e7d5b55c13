using Azure.Data.Tables;
using Azure.Storage.Queues;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;
using StreamingMarketing.Contracts;

namespace StreamingMarketing.Hosting;

/// <summary>
/// The stream provider each profile registers, silo and client side by side: a client maps streams to queues
/// itself, so both must name the same provider, queues and hubs.
/// </summary>
public static class ProfileStreams
{
    /// <summary>
    /// Stream items a persistent provider's pulling agent hands a consumer at once (those it has cached for that
    /// stream): a campaign writes once for all of them before they are acknowledged, so the events each state write
    /// carries grow with the backlog, where storage is the bottleneck.
    /// </summary>
    public const int ConsumerBatchItems = 64;

    public static ISiloBuilder AddStreamingMarketingStreams(this ISiloBuilder silo, string profile, AzureSettings azure, MemoryStreamSettings memory)
    {
        switch (Profiles.RequireKnown(profile))
        {
            case Profiles.Embedded:
                return silo.AddStreamingMarketingMemoryStreams(memory);
            case Profiles.LocalCluster:
                return silo.AddAzureQueueStreams(StreamNames.Provider, streams =>
                {
                    streams.ConfigureAzureQueue(queue => queue.Configure(options =>
                    {
                        ConfigureQueues(options, azure);
                        options.MessageVisibilityTimeout = azure.QueueVisibilityTimeout;
                    }));
                    streams.ConfigurePullingAgent(agent => agent.Configure(options => options.BatchContainerBatchSize = ConsumerBatchItems));
                    streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                });
            default:
                azure.ValidateForEventHubs();
                return silo.AddEventHubStreams(StreamNames.Provider, streams =>
                {
                    streams.ConfigureEventHub(hub => hub.Configure(options => ConfigureEventHub(options, azure)));
                    streams.UseAzureTableCheckpointer(checkpoint => checkpoint.Configure(options =>
                    {
                        options.TableServiceClient = new TableServiceClient(azure.StorageConnectionString);
                        options.TableName = azure.CheckpointTable;
                        options.PersistInterval = TimeSpan.FromSeconds(10);
                    }));
                    streams.ConfigurePullingAgent(agent => agent.Configure(options => options.BatchContainerBatchSize = ConsumerBatchItems));
                    streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                });
        }
    }

    public static IClientBuilder AddStreamingMarketingStreams(this IClientBuilder client, string profile, AzureSettings azure, int memoryQueues)
    {
        switch (Profiles.RequireKnown(profile))
        {
            case Profiles.Embedded:
                return client.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePartitioning(memoryQueues));
            case Profiles.LocalCluster:
                return client.AddAzureQueueStreams(StreamNames.Provider, queue => queue.Configure(options => ConfigureQueues(options, azure)));
            default:
                azure.ValidateForEventHubs();
                return client.AddEventHubStreams(StreamNames.Provider, options => ConfigureEventHub(options, azure));
        }
    }

    /// <summary>
    /// Memory streams with implicit-only pub-sub (explicit pub-sub state grows without bound for per-key grains) and a
    /// cache that forgets delivered events after the retention. Orleans' default keeps 30 minutes of events: under load
    /// that is gigabytes of 1 MB blocks.
    /// </summary>
    public static ISiloBuilder AddStreamingMarketingMemoryStreams(this ISiloBuilder silo, MemoryStreamSettings memory) =>
        silo.AddMemoryStreams(StreamNames.Provider, streams =>
        {
            streams.ConfigurePartitioning(memory.Queues);
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            streams.Configure<StreamCacheEvictionOptions>(options => options.Configure(eviction =>
            {
                // An event is purged once it is older than this relative to the newest one, and has been cached as long.
                eviction.DataMinTimeInCache = memory.CacheRetention;
                eviction.DataMaxAgeInCache = memory.CacheRetention;
            }));
        });

    private static void ConfigureQueues(AzureQueueOptions options, AzureSettings azure)
    {
        options.QueueServiceClient = new QueueServiceClient(azure.StorageConnectionString);
        options.QueueNames = StreamNames.AzureQueues(azure.StreamQueues);
    }

    private static void ConfigureEventHub(EventHubOptions options, AzureSettings azure) =>
        options.ConfigureEventHubConnection(azure.EventHubsConnectionString!, azure.EventHubName, azure.EventHubConsumerGroup);
}

/// <summary>The embedded profile's memory-stream queues and how long their cache keeps an event.</summary>
public sealed record MemoryStreamSettings(int Queues, TimeSpan CacheRetention)
{
    public static readonly TimeSpan DefaultCacheRetention = TimeSpan.FromSeconds(30);

    public static MemoryStreamSettings Default { get; } = new(StreamNames.DefaultMemoryQueues, DefaultCacheRetention);
}
