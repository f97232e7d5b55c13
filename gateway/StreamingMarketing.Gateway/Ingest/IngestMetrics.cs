using System.Diagnostics.Metrics;

namespace StreamingMarketing.Gateway.Ingest;

/// <summary>Instruments of the ingest side. Tags are platform, type and reason only: never an id.</summary>
internal static class IngestMetrics
{
    private static readonly Meter Meter = new("StreamingMarketing");

    public static readonly Counter<long> Received = Meter.CreateCounter<long>(
        "streamingmarketing.events.received", "{event}", "Events received by the ingest endpoint, before validation.");

    public static readonly Counter<long> Accepted = Meter.CreateCounter<long>(
        "streamingmarketing.events.accepted", "{event}", "Events validated and published to the stream, by platform and type.");

    public static readonly Counter<long> Rejected = Meter.CreateCounter<long>(
        "streamingmarketing.events.rejected", "{event}", "Events refused by validation or parsing, by reason.");

    public static readonly Counter<long> Duplicates = Meter.CreateCounter<long>(
        "streamingmarketing.events.duplicate", "{event}", "Events repeated inside one ingest request (later repeats are dropped).");

    public static readonly Counter<long> Suppressed = Meter.CreateCounter<long>(
        "streamingmarketing.events.suppressed", "{event}", "Valid events of an erased user id, dropped at the gateway before any stream saw them.");

    public static readonly Histogram<long> RequestSize = Meter.CreateHistogram<long>(
        "streamingmarketing.ingest.request.size", "{event}", "Events per ingest request.",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 10, 100, 500, 1000, 2500, 5000] });

    /// <summary>Stream items (one per campaign and request, split to fit the queue): with Azure Queue streams each is a put and a delete.</summary>
    public static readonly Counter<long> StreamItemsPublished = Meter.CreateCounter<long>(
        "streamingmarketing.stream.items.published", "{item}", "Stream items published (one per campaign and request, split to fit the provider's message size).");

    public static readonly Counter<long> PublishRetries = Meter.CreateCounter<long>(
        "streamingmarketing.stream.publish.retries", "{retry}", "Stream publishes retried because the stream queue was full (back-pressure).");

    public static readonly Counter<long> PublishFailures = Meter.CreateCounter<long>(
        "streamingmarketing.stream.publish.failures", "{event}", "Events that could not be published and were answered 503.");
}
