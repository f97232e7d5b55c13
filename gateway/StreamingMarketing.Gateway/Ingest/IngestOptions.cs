namespace StreamingMarketing.Gateway.Ingest;

/// <summary>Bounds of one ingest request and of stream back-pressure; configuration section <c>Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    public int MaxEventsPerRequest { get; set; } = 5_000;
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>How long a publish keeps retrying a full stream queue before its events are answered 503.</summary>
    public TimeSpan MaxPublishBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Upper bound on one stream item's estimated serialized size; 0 = unbounded (memory streams). Azure Queue
    /// messages hold 64 KiB after base64, so persistent-queue profiles split a campaign's events into smaller items.
    /// </summary>
    public int MaxStreamItemBytes { get; set; }

    /// <summary>
    /// Events published by this host and not yet applied by its grains, beyond which a publish waits (up to
    /// <see cref="MaxPublishBackoff"/>, then 503). 0 = unbounded. Only the embedded profile sets it: there producer
    /// and consumers share the process, so the count is exact, and without the bound a burst queues in memory until
    /// each memory-stream queue is full (16,384 items each), costing gigabytes and seconds of lag.
    /// </summary>
    public long MaxEventsInFlight { get; set; }

    /// <summary>
    /// Streams the campaigns are spread over, each request sending one item per partition instead of one per campaign;
    /// 0 = one stream per campaign (memory streams, where an item costs nothing but a queue slot). Persistent profiles
    /// set it: each of their items costs a queue put and delete, the slowest operations of the storage they run on.
    /// </summary>
    public int StreamPartitions { get; set; }
}
