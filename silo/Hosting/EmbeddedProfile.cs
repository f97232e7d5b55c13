using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Streams;
using StreamingMarketing.Contracts;
using StreamingMarketing.Grains.DeadLetters;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>
/// One process, no server to install: localhost clustering, in-memory streams, SQLite grain state under the data dir.
/// </summary>
public static class EmbeddedProfile
{
    public static void Configure(ISiloBuilder silo, SiloSettings settings)
    {
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
        silo.AddSqliteGrainStorage(StorageNames.GrainState, Path.Combine(settings.FullDataDir, "grains.db"));
        if (settings.StreamCacheRetention <= TimeSpan.Zero)
        {
            throw new InvalidOperationException(
                $"Silo:StreamCacheRetention must be a positive time span (for example 00:00:30), not {settings.StreamCacheRetention}: " +
                "the memory streams would forget events before their subscribers read them.");
        }

        AddMemoryStreams(silo, settings.StreamQueues, settings.StreamCacheRetention);
        silo.Services.AddSingleton<IDeadLetterSink>(new FileDeadLetterSink(Path.Combine(settings.FullDataDir, "dead-letters")));
    }

    /// <summary>
    /// Memory streams with implicit-only pub-sub (explicit pub-sub state grows without bound for per-key grains) and a
    /// cache that forgets delivered events after <paramref name="cacheRetention"/>. Orleans' default keeps 30 minutes
    /// of events: under load that was gigabytes of 1 MB blocks, and it only grew.
    /// </summary>
    public static void AddMemoryStreams(ISiloBuilder silo, int queues, TimeSpan? cacheRetention = null) =>
        silo.AddMemoryStreams(StreamNames.Provider, streams =>
        {
            streams.ConfigurePartitioning(queues);
            streams.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
            streams.Configure<StreamCacheEvictionOptions>(options => options.Configure(eviction =>
            {
                // An event is purged once it is older than this relative to the newest one, and has been cached as long.
                eviction.DataMinTimeInCache = cacheRetention ?? SiloSettings.DefaultStreamCacheRetention;
                eviction.DataMaxAgeInCache = cacheRetention ?? SiloSettings.DefaultStreamCacheRetention;
            }));
        });
}
