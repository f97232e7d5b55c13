using System.Diagnostics;

namespace StreamingMarketing.Sentiment;

/// <summary>
/// Collects single requests into batches: a batch runs when <see cref="MicroBatcherOptions.MaxBatchSize"/> items
/// wait or the oldest has waited <see cref="MicroBatcherOptions.MaxBatchDelay"/>. One batch runs at a time (ONNX
/// Runtime already spreads one run over the cores; two runs would only contend). The queue is bounded: a caller
/// whose items do not all fit gets <see cref="ScorerOverloadedException"/> at once, so memory and latency stay bounded.
/// </summary>
public sealed class MicroBatcher<TInput, TOutput> : IAsyncDisposable
{
    private readonly MicroBatcherOptions options;
    private readonly Func<IReadOnlyList<TInput>, IReadOnlyList<TOutput>> process;
    private readonly SentimentMetrics? metrics;
    private readonly Queue<Item> queue = new();
    private readonly Lock gate = new();

    // Wakes the worker on enqueue and on close; at most one pending signal, released only under gate.
    private readonly SemaphoreSlim signal = new(0, 1);
    private readonly Task worker;
    private bool closed;

    public MicroBatcher(MicroBatcherOptions options, Func<IReadOnlyList<TInput>, IReadOnlyList<TOutput>> process, SentimentMetrics? metrics = null)
    {
        this.options = options;
        this.process = process;
        this.metrics = metrics;
        worker = Task.Run(RunAsync);
    }

    public int QueueDepth
    {
        get
        {
            lock (gate)
            {
                return queue.Count;
            }
        }
    }

    /// <summary>Queues all <paramref name="inputs"/> or none; completes when every one has been processed.</summary>
    public Task<TOutput[]> ProcessAsync(IReadOnlyList<TInput> inputs, CancellationToken cancellationToken = default)
    {
        if (inputs.Count == 0)
        {
            return Task.FromResult(Array.Empty<TOutput>());
        }

        if (inputs.Count > options.MaxQueueLength)
        {
            throw new ArgumentException($"{inputs.Count} items exceed the queue length of {options.MaxQueueLength}; split the request.", nameof(inputs));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var request = new Request(inputs.ToArray());
        request.CancelWith(cancellationToken);
        lock (gate)
        {
            if (closed || queue.Count + inputs.Count > options.MaxQueueLength)
            {
                request.Abandon();
                ObjectDisposedException.ThrowIf(closed, this);
                metrics?.Overloaded(inputs.Count);
                throw new ScorerOverloadedException(
                    $"The sentiment scorer is overloaded: {queue.Count} texts are waiting (limit {options.MaxQueueLength}); retry later.");
            }

            var now = Stopwatch.GetTimestamp();
            for (var index = 0; index < inputs.Count; index++)
            {
                queue.Enqueue(new Item(request, index, now));
            }

            WakeWorker();
        }

        metrics?.Accepted(inputs.Count);
        return request.Completion.Task;
    }

    private void WakeWorker()
    {
        if (signal.CurrentCount == 0)
        {
            signal.Release();
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Item>(options.MaxBatchSize);
        while (await WaitForBatchAsync().ConfigureAwait(false))
        {
            TakeBatch(batch);
            if (batch.Count > 0)
            {
                Execute(batch);
                batch.Clear();
            }
        }
    }

    /// <summary>False once closed and drained.</summary>
    private async Task<bool> WaitForBatchAsync()
    {
        while (true)
        {
            TimeSpan wait;
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    if (closed)
                    {
                        return false;
                    }

                    wait = Timeout.InfiniteTimeSpan;
                }
                else
                {
                    var waited = Stopwatch.GetElapsedTime(queue.Peek().EnqueuedAt);
                    if (queue.Count >= options.MaxBatchSize || waited >= options.MaxBatchDelay || closed)
                    {
                        return true;
                    }

                    wait = options.MaxBatchDelay - waited;
                }
            }

            await signal.WaitAsync(wait).ConfigureAwait(false);
        }
    }

    private void TakeBatch(List<Item> batch)
    {
        lock (gate)
        {
            while (batch.Count < options.MaxBatchSize && queue.TryDequeue(out var item))
            {
                // A cancelled or failed request's remaining items are dropped rather than computed for nobody.
                if (!item.Request.Completion.Task.IsCompleted)
                {
                    batch.Add(item);
                }
            }
        }
    }

    private void Execute(List<Item> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var inputs = new TInput[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            inputs[i] = batch[i].Request.Inputs[batch[i].Index];
            metrics?.Waited(Stopwatch.GetElapsedTime(batch[i].EnqueuedAt, started));
        }

        metrics?.BatchStarted(batch.Count);
        IReadOnlyList<TOutput>? outputs = null;
        Exception? failure = null;
        try
        {
            outputs = process(inputs);
            if (outputs.Count != batch.Count)
            {
                // Checked here: a short answer would otherwise fail on the delivery thread, unobserved.
                throw new InvalidOperationException($"The batch function returned {outputs.Count} results for {batch.Count} inputs.");
            }

            metrics?.Inferred(Stopwatch.GetElapsedTime(started));
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        // One hop per batch: the callers' continuations run on one pool thread, off this worker (a slow caller cannot
        // delay the next batch), and not as one pool work item per request, whose wake-ups would contend with ONNX
        // Runtime's threads for the same cores while the next batch runs.
        ThreadPool.UnsafeQueueUserWorkItem(static delivery => delivery.Run(), new Delivery([.. batch], outputs, failure), preferLocal: false);
    }

    /// <summary>A finished batch's results (or its failure) on their way to the requests they belong to.</summary>
    private readonly record struct Delivery(Item[] Items, IReadOnlyList<TOutput>? Outputs, Exception? Failure)
    {
        public void Run()
        {
            for (var i = 0; i < Items.Length; i++)
            {
                if (Failure is null)
                {
                    Items[i].Request.Complete(Items[i].Index, Outputs![i]);
                }
                else
                {
                    Items[i].Request.Fail(Failure);
                }
            }
        }
    }

    /// <summary>Stops taking requests, finishes the queued ones, then stops the worker.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            closed = true;
            WakeWorker();
        }

        await worker.ConfigureAwait(false);
        signal.Dispose();
    }

    private readonly record struct Item(Request Request, int Index, long EnqueuedAt);

    private sealed class Request(TInput[] inputs)
    {
        private readonly TOutput[] outputs = new TOutput[inputs.Length];
        private int remaining = inputs.Length;
        private CancellationTokenRegistration cancellation;

        public TInput[] Inputs { get; } = inputs;

        // Completed from a batch's delivery work item (see Execute), never on the batch worker, so continuations may
        // run inline there: one hop per batch rather than one per request.
        public TaskCompletionSource<TOutput[]> Completion { get; } = new();

        public void CancelWith(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                cancellation = cancellationToken.Register(() => Completion.TrySetCanceled(cancellationToken));
            }
        }

        public void Complete(int index, TOutput output)
        {
            outputs[index] = output;
            if (Interlocked.Decrement(ref remaining) == 0)
            {
                Completion.TrySetResult(outputs);
                cancellation.Dispose();
            }
        }

        public void Abandon() => cancellation.Dispose();

        public void Fail(Exception exception)
        {
            Completion.TrySetException(exception);
            cancellation.Dispose();
        }
    }
}

public sealed record MicroBatcherOptions(int MaxBatchSize, TimeSpan MaxBatchDelay, int MaxQueueLength);
