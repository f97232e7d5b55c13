using Microsoft.Extensions.DependencyInjection;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Hosting;

/// <summary>How each profile's queues are filled: item size bound, partition streams, the embedded in-flight bound.</summary>
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

    /// <summary>Event Hubs partitions are the hub's; 32 partition streams spread over any common partition count.</summary>
    public const int EventHubsStreamPartitions = 32;

    /// <summary>Call before <c>AddStreamingMarketingGateway</c>, whose configuration binding must come after these defaults.</summary>
    public static IServiceCollection AddProfileIngestLimits(this IServiceCollection services, string profile, AzureSettings azure)
    {
        var partitions = profile switch
        {
            Profiles.LocalCluster => azure.StreamQueues,
            Profiles.Azure => EventHubsStreamPartitions,
            _ => 0,
        };
        var inFlight = profile == Profiles.Embedded ? EmbeddedEventsInFlight : 0;
        var itemBytes = profile switch
        {
            Profiles.LocalCluster => AzureQueueItemBytes,
            Profiles.Azure => EventHubsItemBytes,
            _ => 0,
        };

        // The profile's bounds are defaults: configuration, bound after them (AddStreamingMarketingGateway), wins where it sets a value.
        services.Configure<IngestOptions>(options =>
        {
            options.MaxEventsInFlight = inFlight;
            options.MaxStreamItemBytes = itemBytes;
            options.StreamPartitions = partitions;
        });
        return services;
    }
}
