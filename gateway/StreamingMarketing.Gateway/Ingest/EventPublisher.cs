using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Gateway.Ingest;

/// <summary>
/// Publishes accepted events to the campaign streams, one <see cref="InteractionBatch"/> per campaign, or, where
/// stream items cost storage operations, per partition of the campaigns (<see cref="IngestOptions.StreamPartitions"/>),
/// concurrent requests' events for a partition coalescing into one item (<see cref="CoalescingStreamLane"/>). A full
/// memory-stream queue throws <see cref="InvalidOperationException"/>: that is back-pressure, answered by retrying
/// with exponential backoff for a bounded time; what still cannot be published is reported, never dropped.
/// </summary>
public sealed class EventPublisher(IClusterClient client, IOptions<IngestOptions> options, IInFlightEvents inFlight, ILogger<EventPublisher> logger)
{
    /// <summary>Campaign batches of one request published at once.</summary>
    private const int PublishConcurrency = 16;

    private readonly IngestOptions options = options.Value;
    private readonly ConcurrentDictionary<string, CoalescingStreamLane> partitionLanes = new(StringComparer.Ordinal);
    private IStreamProvider? provider;

    /// <summary>Publishes every campaign batch; returns the campaign ids whose batch could not be published.</summary>
    public async Task<HashSet<string>> PublishAsync(
        Dictionary<string, List<InteractionEvent>> byCampaign, CancellationToken cancellationToken, string streamNamespace = StreamNames.CampaignEvents)
    {
        provider ??= client.GetStreamProvider(StreamNames.Provider);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        if (!await WaitForRoomAsync(cancellationToken))
        {
            var events = byCampaign.Values.Sum(batch => batch.Count);
            IngestMetrics.PublishFailures.Add(events);
            logger.LogWarning("Could not publish {Count} events: {Pending} events are still being applied", events, inFlight.Pending);
            failed.UnionWith(byCampaign.Keys);
            return failed;
        }

        var partitioned = options.StreamPartitions > 0 && streamNamespace == StreamNames.CampaignEvents;
        var streams = partitioned ? ByPartition(byCampaign) : byCampaign.Select(pair => new StreamBatch(pair.Key, pair.Value, [pair.Key]));
        await Parallel.ForEachAsync(
            streams,
            new ParallelOptions { MaxDegreeOfParallelism = PublishConcurrency, CancellationToken = cancellationToken },
            async (stream, ct) =>
            {
                var published = partitioned
                    ? await partitionLanes.GetOrAdd(stream.Key, _ => new()).PublishAsync(stream.Events, (events, token) => PublishItemsAsync(StreamNames.CampaignPartitions, stream.Key, events, token), ct)
                    : await PublishItemsAsync(streamNamespace, stream.Key, stream.Events, ct);

                // A campaign with any item unpublished is reported whole: the connector resends all of it with the
                // same eventIds, and the campaign grain drops the part that did arrive.
                if (!published)
                {
                    lock (failed)
                    {
                        failed.UnionWith(stream.Campaigns);
                    }
                }
            });
        return failed;
    }

    /// <summary>The events as items no larger than <see cref="IngestOptions.MaxStreamItemBytes"/>; true when all were published.</summary>
    private async Task<bool> PublishItemsAsync(string streamNamespace, string streamKey, List<InteractionEvent> events, CancellationToken cancellationToken)
    {
        var published = true;
        foreach (var item in StreamItemSplitter.Split(events, options.MaxStreamItemBytes))
        {
            published &= await TryPublishAsync(streamNamespace, streamKey, item, cancellationToken);
        }

        return published;
    }

    /// <summary>One stream per partition of the campaigns, its events grouped by campaign.</summary>
    private IEnumerable<StreamBatch> ByPartition(Dictionary<string, List<InteractionEvent>> byCampaign) =>
        byCampaign
            .GroupBy(pair => StreamNames.PartitionOf(pair.Key, options.StreamPartitions), StringComparer.Ordinal)
            .Select(partition => new StreamBatch(partition.Key, [.. partition.SelectMany(pair => pair.Value)], [.. partition.Select(pair => pair.Key)]));

    /// <summary>Waits while more than <see cref="IngestOptions.MaxEventsInFlight"/> events are in flight; false if that outlasts the back-off.</summary>
    private async Task<bool> WaitForRoomAsync(CancellationToken cancellationToken)
    {
        if (options.MaxEventsInFlight <= 0 || inFlight.Pending <= options.MaxEventsInFlight)
        {
            return true;
        }

        IngestMetrics.PublishRetries.Add(1);
        var deadline = DateTime.UtcNow + options.MaxPublishBackoff;
        while (inFlight.Pending > options.MaxEventsInFlight)
        {
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }

            await Task.Delay(1, cancellationToken);
        }

        return true;
    }

    private async Task<bool> TryPublishAsync(string streamNamespace, string streamKey, InteractionBatch batch, CancellationToken cancellationToken)
    {
        var stream = provider!.GetStream<InteractionBatch>(StreamId.Create(streamNamespace, streamKey));
        batch = batch with { Publisher = inFlight.PublisherId };
        var delay = TimeSpan.FromMilliseconds(10);
        var deadline = DateTime.UtcNow + options.MaxPublishBackoff;
        while (true)
        {
            try
            {
                await stream.OnNextAsync(batch);
                inFlight.Published(batch.Events.Length);
                IngestMetrics.StreamItemsPublished.Add(1);
                return true;
            }
            catch (Exception exception) when (IsRetryable(exception) && DateTime.UtcNow + delay < deadline)
            {
                IngestMetrics.PublishRetries.Add(1);
                await Task.Delay(delay, cancellationToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(500).Ticks));
            }
            catch (Exception exception)
            {
                IngestMetrics.PublishFailures.Add(batch.Events.Length);
                logger.LogWarning("Could not publish {Count} events to stream {StreamKey}: {Message}", batch.Events.Length, streamKey, exception.Message);
                return false;
            }
        }
    }

    /// <summary>A full queue (memory streams) or a transient cluster failure; a bug in our code is not retried.</summary>
    private static bool IsRetryable(Exception exception) =>
        exception is InvalidOperationException or TimeoutException or OrleansException;
}

/// <summary>The events bound for one stream and the campaigns they belong to.</summary>
internal sealed record StreamBatch(string Key, List<InteractionEvent> Events, List<string> Campaigns);
