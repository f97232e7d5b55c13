using System.Diagnostics;
using Microsoft.Extensions.Options;
using StreamingMarketing.Contracts.Events;
using StreamingMarketing.Contracts.Insights;
using StreamingMarketing.Grains.Aggregation;
using StreamingMarketing.Grains.Telemetry;

namespace StreamingMarketing.Grains.Users;

/// <summary>
/// Carries the per-user part of campaign batches to the user profile grains, one call per user per round for
/// whatever the campaigns of this silo handed over during the round.
/// <para>
/// Grain calls are the pipeline's dominant cost: with the user fan-out switched off the pipeline runs at about 0.75
/// of the no-op stream ceiling, with one call per campaign batch and user it ran at about 0.2 (0.9 calls per event in
/// the benchmark's Zipf traffic), and even calls to user grains that apply nothing hold it near 0.35 (README,
/// Performance). A round gathers events for up to <see cref="AggregationOptions.UserForwardWindow"/>, so
/// a user active in many campaigns, or many times in one, costs one call per round instead of one per batch. A round
/// is sent early when nothing new arrived for <see cref="IdleFlush"/> (a quiet stream is not held back) or when it
/// holds <see cref="MaxRoundEvents"/> events (memory stays bounded).
/// </para>
/// With <see cref="AggregationOptions.WriteStateBeforeAck"/> (persistent streams) a campaign waits for its users
/// before acknowledging each item, so rounds are sent at once, as soon as the thread pool gets to them.
/// </summary>
public sealed class UserProfileForwarder
{
    public const int MaxRoundEvents = 65_536;

    /// <summary>Calls to one user per round, the first included, before its campaigns hear that it failed.</summary>
    public const int MaxAttempts = 3;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>A round that received nothing for this long is sent: the streams are quiet or draining.</summary>
    public static readonly TimeSpan IdleFlush = TimeSpan.FromMilliseconds(2);

    private readonly IGrainFactory grains;
    private readonly TimeSpan window;
    private readonly Lock gate = new();
    private Round? open;

    /// <summary>User calls of earlier rounds still running: while they run, a pause in hand-overs is not quiet.</summary>
    private int callsInFlight;

    public UserProfileForwarder(IGrainFactory grains, IOptions<AggregationOptions> options)
    {
        this.grains = grains;
        window = options.Value.WriteStateBeforeAck ? TimeSpan.Zero : options.Value.UserForwardWindow;
    }

    /// <summary>
    /// Applies <paramref name="events"/> (all of <paramref name="campaignId"/>) to their users' profiles; completes
    /// with how users moved in that campaign's segments once every user applied them, or fails if a user's call failed
    /// <see cref="MaxAttempts"/> times (resending is safe: user grains ignore events they applied). The events are
    /// copied before this returns: the caller need not keep them.
    /// </summary>
    public Task<List<SegmentChange>> ForwardAsync(string campaignId, IReadOnlyList<InteractionEvent> events)
    {
        if (events.Count == 0)
        {
            return Task.FromResult(new List<SegmentChange>());
        }

        var handover = new Handover(campaignId);
        lock (gate)
        {
            if (open is null)
            {
                open = new Round(this, Stopwatch.GetTimestamp());
                if (window > TimeSpan.Zero)
                {
                    _ = CloseWhenDueAsync(open);
                }
                else
                {
                    ThreadPool.UnsafeQueueUserWorkItem(static round => round.Close(), open, preferLocal: false);
                }
            }

            open.Add(handover, events, Stopwatch.GetTimestamp());
            if (open.Events >= MaxRoundEvents)
            {
                CloseLocked(open);
            }
        }

        return handover.Completion;
    }

    private async Task CloseWhenDueAsync(Round round)
    {
        while (true)
        {
            await Task.Delay(IdleFlush);
            // Real elapsed time, not the grains' clock: a round is about how long events wait, not about event time.
            var now = Stopwatch.GetTimestamp();
            var quiet = Volatile.Read(ref callsInFlight) == 0 && Stopwatch.GetElapsedTime(round.LastAdded, now) >= IdleFlush;
            if (round.IsSent || quiet || Stopwatch.GetElapsedTime(round.Opened, now) >= window)
            {
                Close(round);
                return;
            }
        }
    }

    private void Close(Round round)
    {
        lock (gate)
        {
            CloseLocked(round);
        }
    }

    private void CloseLocked(Round round)
    {
        if (round.IsSent)
        {
            return;
        }

        round.IsSent = true;
        if (open == round)
        {
            open = null;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static round => round.Send(), round, preferLocal: false);
    }

    /// <summary>What the users of one round owe, by user; built under the lock, sent once closed.</summary>
    private sealed class Round(UserProfileForwarder forwarder, long opened)
    {
        private readonly Dictionary<string, UserPart> byUser = new(StringComparer.Ordinal);

        public long Opened { get; } = opened;

        public long LastAdded { get; private set; } = opened;

        public int Events { get; private set; }

        public bool IsSent { get; set; }

        public void Close() => forwarder.Close(this);

        public void Add(Handover handover, IReadOnlyList<InteractionEvent> events, long now)
        {
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (!byUser.TryGetValue(e.UserId, out var part))
                {
                    byUser[e.UserId] = part = new UserPart();
                }

                // The campaign's own id string, not the event's copy: the interaction keeps nothing of the event alive.
                part.Interactions.Add(new UserInteraction(
                    EventHash.Of(e.EventId), handover.CampaignId, e.Type, e.Platform, e.Timestamp, e.Hashtags, e.Value));
                if (part.Handovers.Count == 0 || part.Handovers[^1] != handover)
                {
                    part.Handovers.Add(handover);
                    handover.ExpectCall();
                }
            }

            Events += events.Count;
            LastAdded = now;
        }

        public void Send()
        {
            PipelineMetrics.UserForwardEvents.Add(Events);
            foreach (var (userId, part) in byUser)
            {
                _ = SendAsync(userId, part);
            }
        }

        private async Task SendAsync(string userId, UserPart part)
        {
            Interlocked.Increment(ref forwarder.callsInFlight);
            try
            {
                var interactions = part.Interactions.ToArray();
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        var changes = await forwarder.grains.GetGrain<IUserSegmentsGrain>(userId).ApplyInteractionsAsync(interactions);
                        PipelineMetrics.UserForwardCalls.Add(1, new KeyValuePair<string, object?>("outcome", "ok"));
                        part.Succeeded(changes);
                        return;
                    }
                    catch (Exception exception)
                    {
                        PipelineMetrics.UserForwardCalls.Add(1, new KeyValuePair<string, object?>("outcome", "error"));
                        if (attempt == MaxAttempts)
                        {
                            part.Failed(exception);
                            return;
                        }

                        // The user grain drops what it already applied, so resending the whole part is safe.
                        await Task.Delay(RetryDelay * attempt);
                    }
                }
            }
            finally
            {
                Interlocked.Decrement(ref forwarder.callsInFlight);
            }
        }
    }

    private sealed class UserPart
    {
        public List<UserInteraction> Interactions { get; } = new(4);

        /// <summary>The campaign batches this user's interactions came from, in the order they were handed over.</summary>
        public List<Handover> Handovers { get; } = new(2);

        public void Succeeded(CampaignSegmentChange[] changes)
        {
            // Several batches of one campaign may share a call: each change is the first one's to report. Changes are
            // recorded before any batch hears this call completed, so none completes without its own.
            foreach (var change in changes)
            {
                Handovers.Find(h => h.CampaignId == change.CampaignId)?.Record(change.Change);
            }

            foreach (var handover in Handovers)
            {
                handover.CallCompleted(failure: null);
            }
        }

        public void Failed(Exception exception)
        {
            foreach (var handover in Handovers)
            {
                handover.CallCompleted(exception);
            }
        }
    }

    /// <summary>One campaign batch's wait for the user calls that carry its events.</summary>
    private sealed class Handover(string campaignId)
    {
        private readonly TaskCompletionSource<List<SegmentChange>> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<SegmentChange> changes = [];
        private int callsPending;
        private Exception? failure;

        public string CampaignId => campaignId;

        public Task<List<SegmentChange>> Completion => completion.Task;

        /// <summary>Only while the round is built, before any of its calls is sent.</summary>
        public void ExpectCall() => callsPending++;

        public void Record(SegmentChange change)
        {
            lock (changes)
            {
                changes.Add(change);
            }
        }

        public void CallCompleted(Exception? failure)
        {
            lock (changes)
            {
                this.failure ??= failure;
                if (--callsPending > 0)
                {
                    return;
                }
            }

            if (this.failure is { } error)
            {
                completion.SetException(error);
            }
            else
            {
                completion.SetResult(changes);
            }
        }
    }
}
