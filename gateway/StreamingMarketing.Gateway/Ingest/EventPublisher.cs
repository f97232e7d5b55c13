using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;
using StreamingMarketing.Contracts;
using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Gateway.Ingest;

/// <summary>
/// Publishes accepted events to the campaign streams, one <see cref="InteractionBatch"/> per campaign. A full
/// memory-stream queue throws <see cref="InvalidOperationException"/>: that is back-pressure, answered by retrying
/// with exponential backoff for a bounded time; what still cannot be published is reported, never dropped.
/// </summary>
public sealed class EventPublisher(IClusterClient client, IOptions<IngestOptions> options, IInFlightEvents inFlight, ILogger<EventPublisher> logger)
{
    private readonly IngestOptions options = options.Value;
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

        await Parallel.ForEachAsync(
            byCampaign,
            new ParallelOptions { MaxDegreeOfParallelism = options.PublishConcurrency, CancellationToken = cancellationToken },
            async (pair, ct) =>
            {
                var published = true;
                foreach (var item in StreamItemSplitter.Split(pair.Value, options.MaxStreamItemBytes))
                {
                    published &= await TryPublishAsync(streamNamespace, pair.Key, item, ct);
                }

                // A campaign with any item unpublished is reported whole: the connector resends all of it with the
                // same eventIds, and the campaign grain drops the part that did arrive.
                if (!published)
                {
                    lock (failed)
                    {
                        failed.Add(pair.Key);
                    }
                }
            });
        return failed;
    }

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

    private async Task<bool> TryPublishAsync(string streamNamespace, string campaignId, InteractionBatch batch, CancellationToken cancellationToken)
    {
        var stream = provider!.GetStream<InteractionBatch>(StreamId.Create(streamNamespace, campaignId));
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
                logger.LogWarning("Could not publish {Count} events of campaign {CampaignId}: {Message}", batch.Events.Length, campaignId, exception.Message);
                return false;
            }
        }
    }

    /// <summary>A full queue (memory streams) or a transient cluster failure; a bug in our code is not retried.</summary>
    private static bool IsRetryable(Exception exception) =>
        exception is InvalidOperationException or TimeoutException or OrleansException;
}
