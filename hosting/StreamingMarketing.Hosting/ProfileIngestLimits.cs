using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Hosting;

/// <summary>Stream item bounds each profile's queues can carry, and the embedded profile's in-flight bound.</summary>
public static class ProfileIngestLimits
{
    /// <summary>Azure Queue: 64 KiB per message after base64 (48 KiB raw), less headroom for Orleans' envelope.</summary>
    public const int AzureQueueItemBytes = 40_000;

    /// <summary>Event Hubs standard tier: 1 MB per event.</summary>
    public const int EventHubsItemBytes = 900_000;

    /// <summary>
    /// The embedded profile's bound on events published and not yet applied (see IngestOptions.MaxEventsInFlight).
    /// Only a gateway beside the silo sees that count (<see cref="IInFlightEvents"/>); a standalone gateway relies on
    /// the memory-stream queues' own "full" answer instead.
    /// </summary>
    public const long EmbeddedEventsInFlight = 100_000;

    public static IServiceCollection AddProfileIngestLimits(this IServiceCollection services, string profile)
    {
        var inFlight = profile == Profiles.Embedded ? EmbeddedEventsInFlight : 0;
        var itemBytes = profile switch
        {
            Profiles.LocalCluster => AzureQueueItemBytes,
            Profiles.Azure => EventHubsItemBytes,
            _ => 0,
        };

        // Configuration wins where it sets a value; 0 there means "the profile's bound".
        services.PostConfigure<IngestOptions>(options =>
        {
            options.MaxEventsInFlight = options.MaxEventsInFlight == 0 ? inFlight : options.MaxEventsInFlight;
            options.MaxStreamItemBytes = options.MaxStreamItemBytes == 0 ? itemBytes : options.MaxStreamItemBytes;
        });
        return services;
    }
}
