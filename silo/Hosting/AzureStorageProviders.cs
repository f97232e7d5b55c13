using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans.Configuration;
using StreamingMarketing.Grains.DeadLetters;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>Azure Storage clustering and grain state, common to the local-cluster and azure profiles.</summary>
public static class AzureStorageProviders
{
    public static void AddClusteringAndState(ISiloBuilder silo, AzureSettings azure)
    {
        silo.UseAzureStorageClustering(options =>
        {
            options.TableServiceClient = new TableServiceClient(azure.StorageConnectionString);
            options.TableName = azure.ClusteringTable;
        });

        // Blobs rather than table entities: a busy campaign's state (dedupe memory included) passes 1 MB.
        silo.AddAzureBlobGrainStorage(StorageNames.GrainState, options =>
        {
            options.BlobServiceClient = new BlobServiceClient(azure.StorageConnectionString);
            options.ContainerName = azure.GrainStateContainer;
        });

        silo.Services.AddSingleton<IDeadLetterSink>(
            new BlobDeadLetterSink(new BlobServiceClient(azure.StorageConnectionString).GetBlobContainerClient("dead-letters")));

        // A dead silo must be noticed in seconds, not the default minute: its queues and grains move on only then.
        silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = TimeSpan.FromSeconds(2);
            membership.NumMissedProbesLimit = 2;
            membership.TableRefreshTimeout = TimeSpan.FromSeconds(5);
        });
    }

    /// <summary>Persistent streams deliver at least once: state is written before a stream item is acknowledged.</summary>
    public static void WriteStateBeforeAck(ISiloBuilder silo) =>
        silo.Services.PostConfigure<StreamingMarketing.Grains.AggregationOptions>(options => options.WriteStateBeforeAck = true);
}
