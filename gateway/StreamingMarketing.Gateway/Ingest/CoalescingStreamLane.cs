using StreamingMarketing.Contracts.Events;

namespace StreamingMarketing.Gateway.Ingest;

/// <summary>
/// One stream's publishing with one put in flight: events that concurrent requests hand over while a put is in
/// flight go together in the next one. Where each stream item costs storage operations (a queue put and delete),
/// items grow with the load instead of their number, and an idle stream adds no delay. Each request still answers
/// only once the item holding its events is published (or failed).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The semaphore never creates its wait handle, so it holds nothing to dispose; lanes live as long as the publisher.")]
public sealed class CoalescingStreamLane
{
    private readonly SemaphoreSlim inFlight = new(1, 1);
    private readonly Lock gate = new();
    private List<Handed> waiting = [];

    /// <summary>Publishes <paramref name="events"/> with whatever else is waiting; true when every item holding them was published.</summary>
    public async Task<bool> PublishAsync(List<InteractionEvent> events, Func<List<InteractionEvent>, CancellationToken, Task<bool>> publish, CancellationToken cancellationToken)
    {
        var mine = new Handed(events, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gate)
        {
            waiting.Add(mine);
        }

        await inFlight.WaitAsync(cancellationToken);
        try
        {
            // A put that ran while this request waited for the lane may have carried its events already.
            if (mine.Published.Task.IsCompleted)
            {
                return await mine.Published.Task;
            }

            List<Handed> taken;
            lock (gate)
            {
                (taken, waiting) = (waiting, []);
            }

            var published = false;
            try
            {
                published = await publish([.. taken.SelectMany(handed => handed.Events)], cancellationToken);
            }
            finally
            {
                taken.ForEach(handed => handed.Published.TrySetResult(published));
            }

            return published;
        }
        finally
        {
            inFlight.Release();
        }
    }

    private sealed record Handed(List<InteractionEvent> Events, TaskCompletionSource<bool> Published);
}
