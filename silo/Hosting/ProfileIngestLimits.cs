using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>Stream item bounds each profile's queues can carry, and the embedded profile's in-flight bound.</summary>
public static class ProfileIngestLimits
{
    /// <summary>Azure Queue: 64 KiB per message after base64 (48 KiB raw), less headroom for Orleans' envelope.</summary>
    public const int AzureQueueItemBytes = 40_000;

    /// <summary>Event Hubs standard tier: 1 MB per event.</summary>
    public const int EventHubsItemBytes = 900_000;

    /// <summary>The embedded profile's bound on events published and not yet applied (see IngestOptions.MaxEventsInFlight).</summary>
    public const long EmbeddedEventsInFlight = 100_000;

    /// <param name="besideTheSilo">
    /// The gateway runs in the silo's process. Only there can it count what the silo's grains have applied: a
    /// standalone gateway relies on the memory-stream queues' own "full" answer (retried with back-off) instead of an
    /// in-flight bound whose deliveries it would never see.
    /// </param>
    public static void Apply(IServiceCollection services, string profile, bool besideTheSilo)
    {
        if (profile == Profiles.Embedded && besideTheSilo)
        {
            services.PostConfigure<IngestOptions>(options => options.MaxEventsInFlight = options.MaxEventsInFlight == 0 ? EmbeddedEventsInFlight : options.MaxEventsInFlight);
        }

        var bound = profile switch
        {
            Profiles.LocalCluster => AzureQueueItemBytes,
            Profiles.Azure => EventHubsItemBytes,
            _ => 0,
        };
        if (bound > 0)
        {
            services.PostConfigure<IngestOptions>(options => options.MaxStreamItemBytes = options.MaxStreamItemBytes == 0 ? bound : options.MaxStreamItemBytes);
        }
    }
}
