using Azure.Storage.Blobs;
using Orleans.Serialization;
using StreamingMarketing.Archive;
using StreamingMarketing.Archive.Stores;
using StreamingMarketing.Gateway.Health;
using StreamingMarketing.Gateway.Hosting;
using StreamingMarketing.Gateway.Telemetry;
using StreamingMarketing.Grains;
using StreamingMarketing.Grains.DeadLetters;
using StreamingMarketing.Grains.Storage;
using StreamingMarketing.Hosting;
using StreamingMarketing.Sentiment;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>
/// Where each profile keeps what the silo alone owns: grain state, dead letters, the event archive, the model registry, and what must
/// happen before a stream item is acknowledged or the process stops. Clustering and streams are shared with the
/// standalone gateway (StreamingMarketing.Hosting).
/// </summary>
public static class ProfileStorage
{
    public static void Configure(ISiloBuilder silo, SiloSettings settings, AzureSettings azure, IConfiguration configuration)
    {
        if (settings.Profile == Profiles.Embedded)
        {
            silo.AddSqliteGrainStorage(StorageNames.GrainState, Path.Combine(settings.FullDataDir, "grains.db"));
            silo.Services.AddSingleton<IDeadLetterSink>(new FileDeadLetterSink(Path.Combine(settings.FullDataDir, "dead-letters")));
            silo.Services.AddEventArchive(configuration, (_, _) => new FileArchiveStore(Path.Combine(settings.FullDataDir, "archive")));
            silo.Services.AddSingleton<IShutdownDrain, InProcessStreamDrain>();
            silo.Services.AddHealthChecks().AddCheck<StorageReadinessCheck>("storage", tags: [HealthEndpoints.ReadyTag]);
            silo.AddDashboardIfEnabled(configuration, defaultOn: true);
            return;
        }

        // Blobs rather than table entities: a busy campaign's state (dedupe memory included) passes 1 MB.
        silo.AddAzureBlobGrainStorage(StorageNames.GrainState, options => options.Configure<Serializer, OrleansJsonSerializer>((blob, binary, json) =>
        {
            blob.BlobServiceClient = new BlobServiceClient(azure.StorageConnectionString);
            blob.ContainerName = azure.GrainStateContainer;
            blob.GrainStorageSerializer = GrainStateFormat.Binary(binary, json);

            // An erased profile's blob goes, rather than staying behind as an empty state under the user's id.
            blob.DeleteStateOnClear = true;
        }));
        silo.Services.AddSingleton<IDeadLetterSink>(
            new BlobDeadLetterSink(new BlobServiceClient(azure.StorageConnectionString).GetBlobContainerClient("dead-letters")));
        silo.Services.AddEventArchive(configuration, (_, archive) =>
            new BlobArchiveStore(new BlobServiceClient(azure.StorageConnectionString).GetBlobContainerClient(archive.BlobContainer)));

        // Persistent streams deliver at least once: state is written before a stream item is acknowledged.
        silo.Services.PostConfigure<AggregationOptions>(options => options.WriteStateBeforeAck = true);
        silo.Services.AddHealthChecks().AddCheck<AzureStorageReadinessCheck>("storage", tags: [HealthEndpoints.ReadyTag]);
        silo.AddDashboardIfEnabled(configuration, defaultOn: false);

        // Every silo of the cluster serves from one registry, the grain-state account's, unless configuration names another.
        if (configuration[$"{SentimentOptions.SectionName}:Registry:Kind"] is null)
        {
            silo.Services.PostConfigure<SentimentOptions>(options =>
            {
                options.Registry.Kind = ModelRegistryKind.AzureBlob;
                options.Registry.ConnectionString = azure.StorageConnectionString;
            });
        }
    }
}
