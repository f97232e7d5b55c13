using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using StreamingMarketing.Contracts.Outbox;
using StreamingMarketing.Grains.DeadLetters;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Outbox;

/// <summary>
/// Carries numbered outbox parts from this silo's grains to their receivers and tells each source which parts
/// arrived, so the source can drop them from its state. The source keeps every part until then, so the courier
/// itself holds nothing that a crash could lose: a new activation of the source hands its outbox over again.
/// <para>
/// Receivers apply a source's parts in sequence order and ignore numbers they have passed, so the courier keeps one
/// call in flight per receiver and sends that receiver's parts in the order they were handed over; a failed call is
/// retried (with everything that queued behind it) before anything newer goes out. A part refused through every retry
/// is dead-lettered, counted and confirmed: never dropped silently, and never holding its receiver up for good.
/// </para>
/// <para>
/// Where streams redeliver (<see cref="AggregationOptions.WriteStateBeforeAck"/>), receivers answer before they write
/// and confirm parts themselves once written (<see cref="DeliveryReceipts"/>), so the courier confirms only what it
/// dead-letters, and a part refused out of order is left to its source's resend (<see cref="OutboxLane{TPart}"/>)
/// rather than retried: the part it must follow may be one the receiver lost unsaved, which only the source still has.
/// </para>
/// Receiver grain calls are the pipeline's dominant cost, so parts gather in rounds of up to
/// <see cref="AggregationOptions.OutboxRoundWindow"/>: one call per receiver per round carries everything every
/// source of this silo handed over for it. A round is sent early when nothing arrived for <see cref="IdleFlush"/>.
/// </summary>
public abstract class PartCourier<TPart> where TPart : ISequencedPart
{
    /// <summary>A round holding this many events is sent at once, so memory stays bounded under a burst.</summary>
    public const int MaxRoundEvents = 65_536;

    /// <summary>A round that received nothing for this long is sent: its sources are quiet or draining.</summary>
    public static readonly TimeSpan IdleFlush = TimeSpan.FromMilliseconds(2);

    /// <summary>Confirmations gather this long, so a source hears of many receivers in one call.</summary>
    private static readonly TimeSpan ConfirmationDelay = TimeSpan.FromMilliseconds(20);

    private readonly IGrainFactory grains;
    private readonly IDeadLetterSink? deadLetters;
    private readonly ILogger logger;
    private readonly TimeSpan window;
    private readonly bool receiversConfirm;
    private readonly long maxQueuedEvents;
    private readonly ResiliencePipeline retry;
    private readonly KeyValuePair<string, object?> receiverTag;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Receiver> receivers = new(StringComparer.Ordinal);
    private Dictionary<GrainId, List<long>> confirmations = [];
    private List<Receiver>? round;
    private int roundEvents;
    private long roundOpened;
    private long lastHandedOver;
    private bool confirming;
    private long queuedEvents;
    private TaskCompletionSource? room;

    protected PartCourier(IGrainFactory grains, AggregationOptions options, IDeadLetterSink? deadLetters, ILogger logger, string receiverKind)
    {
        this.grains = grains;
        this.deadLetters = deadLetters;
        this.logger = logger;
        window = options.OutboxRoundWindow;
        receiversConfirm = options.WriteStateBeforeAck;
        maxQueuedEvents = options.MaxOutboxEventsInFlight;
        receiverTag = new("receiver", receiverKind);
        retry = new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(exception => !(receiversConfirm && exception is PartOutOfOrderException)),
                MaxRetryAttempts = options.OutboxDeliveryAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.OutboxRetryDelay,
                MaxDelay = TimeSpan.FromSeconds(10),
                OnRetry = _ =>
                {
                    PipelineMetrics.OutboxCalls.Add(1, receiverTag, new("outcome", "error"));
                    return default;
                },
            })
            .Build();
    }

    /// <summary>Events handed over and not yet delivered (or dead-lettered): a drain waits for zero.</summary>
    public long Pending => Interlocked.Read(ref queuedEvents);

    /// <summary>Delivers the parts to their receivers, in the order given per receiver, and sees them confirmed to <paramref name="source"/>.</summary>
    public void Send(GrainId source, IReadOnlyList<TPart> parts)
    {
        if (parts.Count == 0)
        {
            return;
        }

        var events = 0;
        List<(Receiver, List<Handed>)>? startNow = null;
        lock (gate)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var part in parts)
            {
                events += part.Size;
                if (!receivers.TryGetValue(part.Destination, out var receiver))
                {
                    receivers[part.Destination] = receiver = new Receiver(part.Destination);
                }

                receiver.Waiting.Add(new Handed(source, part));
                if (!receiver.InFlight && !receiver.InRound)
                {
                    receiver.InRound = true;
                    (round ??= OpenRoundLocked(now)).Add(receiver);
                }
            }

            roundEvents += events;
            lastHandedOver = now;
            if (roundEvents >= MaxRoundEvents)
            {
                startNow = CloseRoundLocked();
            }
        }

        Interlocked.Add(ref queuedEvents, events);
        PipelineMetrics.OutboxEvents.Add(events, receiverTag);
        Start(startNow);
    }

    /// <summary>Completes at once unless the parts in flight exceed their bound; then when they fall below it.</summary>
    public Task WaitForRoomAsync()
    {
        lock (gate)
        {
            if (Interlocked.Read(ref queuedEvents) <= maxQueuedEvents)
            {
                return Task.CompletedTask;
            }

            room ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return room.Task;
        }
    }

    /// <summary>One call to the receiver grain with its parts, oldest first.</summary>
    protected abstract Task DeliverAsync(IGrainFactory grains, string destination, TPart[] parts);

    private List<Receiver> OpenRoundLocked(long now)
    {
        roundOpened = now;
        if (window > TimeSpan.Zero)
        {
            // Sources hand parts over inside their grain turns: Task.Run keeps the round's timing, its calls and their
            // continuations on the thread pool instead of on the scheduler of whichever grain opened the round.
            _ = Task.Run(CloseWhenDueAsync);
        }
        else
        {
            ThreadPool.UnsafeQueueUserWorkItem(static courier => courier.CloseRound(), this, preferLocal: false);
        }

        return [];
    }

    private async Task CloseWhenDueAsync()
    {
        while (true)
        {
            await Task.Delay(IdleFlush);
            lock (gate)
            {
                // Real elapsed time, not the grains' clock: a round is about how long parts wait, not about event time.
                var now = Stopwatch.GetTimestamp();
                var quiet = Stopwatch.GetElapsedTime(lastHandedOver, now) >= IdleFlush;
                if (round is not null && !quiet && Stopwatch.GetElapsedTime(roundOpened, now) < window)
                {
                    continue;
                }
            }

            CloseRound();
            return;
        }
    }

    private void CloseRound()
    {
        List<(Receiver, List<Handed>)>? starts;
        lock (gate)
        {
            starts = CloseRoundLocked();
        }

        Start(starts);
    }

    private List<(Receiver, List<Handed>)>? CloseRoundLocked()
    {
        if (round is null)
        {
            return null;
        }

        var starts = new List<(Receiver, List<Handed>)>(round.Count);
        foreach (var receiver in round)
        {
            receiver.InRound = false;
            if (!receiver.InFlight && receiver.Waiting.Count > 0)
            {
                starts.Add((receiver, receiver.TakeWaiting()));
            }
        }

        (round, roundEvents) = (null, 0);
        return starts;
    }

    private void Start(List<(Receiver Receiver, List<Handed> Parts)>? starts)
    {
        if (starts is null)
        {
            return;
        }

        foreach (var (receiver, parts) in starts)
        {
            _ = Task.Run(() => DeliverAsync(receiver, parts));
        }
    }

    private async Task DeliverAsync(Receiver receiver, List<Handed> handed)
    {
        var parts = new TPart[handed.Count];
        var events = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = handed[i].Part;
            events += parts[i].Size;
        }

        try
        {
            await retry.ExecuteAsync(async (state, _) => await state.courier.DeliverAsync(state.courier.grains, state.destination, state.parts), (courier: this, destination: receiver.Destination, parts));
            PipelineMetrics.OutboxCalls.Add(1, receiverTag, new("outcome", "ok"));
            if (!receiversConfirm)
            {
                Confirm(handed);
            }
        }
        catch (PartOutOfOrderException) when (receiversConfirm)
        {
            PipelineMetrics.OutboxCalls.Add(1, receiverTag, new("outcome", "out-of-order"));
        }
        catch (Exception exception)
        {
            PipelineMetrics.OutboxCalls.Add(1, receiverTag, new("outcome", "error"));
            await DeadLetterAsync(receiver.Destination, parts, exception);
            Confirm(handed);
        }

        List<(Receiver, List<Handed>)>? next = null;
        lock (gate)
        {
            receiver.InFlight = false;
            if (receiver.Waiting.Count > 0)
            {
                // Parts that queued behind this call already waited a round: they go at once, in order.
                next = [(receiver, receiver.TakeWaiting())];
            }
            else if (!receiver.InRound)
            {
                receivers.Remove(receiver.Destination);
            }

            if (Interlocked.Add(ref queuedEvents, -events) <= maxQueuedEvents && room is not null)
            {
                room.TrySetResult();
                room = null;
            }
        }

        Start(next);
    }

    private async Task DeadLetterAsync(string destination, TPart[] parts, Exception exception)
    {
        PipelineMetrics.OutboxDeadLettered.Add(parts.Length, receiverTag);
        logger.LogError(exception, "Dead-lettering {Count} outbox parts for {Receiver} {Destination}: every delivery attempt failed", parts.Length, receiverTag.Value, destination);
        foreach (var part in parts)
        {
            await deadLetters.TryWriteAsync(new DeadLetter(DateTime.UtcNow, $"{receiverTag.Value}-part", exception.Message, part), logger);
        }
    }

    private void Confirm(List<Handed> handed)
    {
        lock (gate)
        {
            foreach (var (source, part) in handed)
            {
                if (!confirmations.TryGetValue(source, out var sequences))
                {
                    confirmations[source] = sequences = [];
                }

                sequences.Add(part.Sequence);
            }

            if (confirming)
            {
                return;
            }

            confirming = true;
        }

        _ = SendConfirmationsAsync();
    }

    private async Task SendConfirmationsAsync()
    {
        while (true)
        {
            await Task.Delay(ConfirmationDelay);
            Dictionary<GrainId, List<long>> batch;
            lock (gate)
            {
                if (confirmations.Count == 0)
                {
                    confirming = false;
                    return;
                }

                (batch, confirmations) = (confirmations, []);
            }

            await Task.WhenAll(batch.Select(pair => ConfirmAsync(pair.Key, pair.Value)));
        }
    }

    private async Task ConfirmAsync(GrainId source, List<long> sequences)
    {
        try
        {
            await grains.GetGrain<IOutboxSource>(source).ConfirmDeliveredAsync([.. sequences]);
        }
        catch (Exception exception)
        {
            // Harmless: the source keeps the parts and hands them over again later; receivers ignore them by number.
            logger.LogDebug(exception, "Could not confirm {Count} delivered parts to {Source}", sequences.Count, source);
        }
    }

    private readonly record struct Handed(GrainId Source, TPart Part);

    private sealed class Receiver(string destination)
    {
        public string Destination => destination;

        public List<Handed> Waiting { get; private set; } = new(2);

        public bool InFlight { get; set; }

        public bool InRound { get; set; }

        public List<Handed> TakeWaiting()
        {
            var taken = Waiting;
            Waiting = new(2);
            InFlight = true;
            return taken;
        }
    }
}
