using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace StreamingMarketing.Grains.Telemetry;

/// <summary>Instruments of the grain side of the pipeline. Tags never carry ids: their cardinality is unbounded.</summary>
public static class PipelineMetrics
{
    public const string MeterName = "StreamingMarketing";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> EventsApplied = Meter.CreateCounter<long>(
        "streamingmarketing.events.applied", "{event}", "Events applied to campaign state, by type.");

    public static readonly Counter<long> DuplicatesDropped = Meter.CreateCounter<long>(
        "streamingmarketing.events.duplicates.dropped", "{event}", "Events dropped by a grain because their id was already applied (retries, redeliveries).");

    public static readonly Counter<long> PoisonEvents = Meter.CreateCounter<long>(
        "streamingmarketing.events.poison", "{event}", "Events that failed to apply and were skipped (logged and dead-lettered).");

    public static readonly Histogram<double> EventLag = Meter.CreateHistogram<double>(
        "streamingmarketing.event.lag", "s", "Time from event timestamp to applied in its campaign grain.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600] });

    public static readonly Counter<long> StateWrites = Meter.CreateCounter<long>(
        "streamingmarketing.grain.state.writes", "{write}", "Grain state writes, by grain kind and outcome.");

    public static readonly Histogram<double> StateWriteDuration = Meter.CreateHistogram<double>(
        "streamingmarketing.grain.state.write.duration", "s", "Duration of grain state writes.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });

    public static readonly Counter<long> OutboxEvents = Meter.CreateCounter<long>(
        "streamingmarketing.outbox.events", "{event}", "Events (or scores) in outbox parts handed to the silo's couriers, by receiver (users, insights).");

    /// <summary>Against <see cref="OutboxEvents"/>: how well rounds coalesce (calls per event; 1 would be a call per event).</summary>
    public static readonly Counter<long> OutboxCalls = Meter.CreateCounter<long>(
        "streamingmarketing.outbox.calls", "{call}", "Receiver grain calls made by the couriers, by receiver and outcome.");

    public static readonly Counter<long> OutboxDeadLettered = Meter.CreateCounter<long>(
        "streamingmarketing.outbox.dead_lettered", "{part}", "Outbox parts a receiver refused through every retry, dead-lettered and confirmed, by receiver.");

    public static readonly Counter<long> ErasedPartsDropped = Meter.CreateCounter<long>(
        "streamingmarketing.erasure.parts.dropped", "{part}", "Outbox parts for an erased user, confirmed and dropped by the user grain (in flight when the erasure came).");

    public static readonly Counter<long> OutboxResendsIgnored = Meter.CreateCounter<long>(
        "streamingmarketing.outbox.resends.ignored", "{part}", "Parts a receiver had already applied (numbered at or below its last), by receiver.");

    public static readonly Counter<long> OutboxResent = Meter.CreateCounter<long>(
        "streamingmarketing.outbox.resent", "{part}", "Parts a source sent again because their receiver had not confirmed them durable in time.");

    public static readonly Counter<long> UnscoredTexts = Meter.CreateCounter<long>(
        "streamingmarketing.sentiment.unscored", "{text}", "Texts applied as unscored because scoring failed or timed out, by reason.");

    public static async Task TimeStateWriteAsync(string grainKind, Func<Task> write)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "ok";
        try
        {
            await write();
        }
        catch
        {
            outcome = "error";
            throw;
        }
        finally
        {
            StateWriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("grain", grainKind));
            StateWrites.Add(1, new KeyValuePair<string, object?>("grain", grainKind), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
