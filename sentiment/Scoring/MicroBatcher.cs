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
    private readonly MicroBatcherOptions _options;
    private readonly Func<IReadOnlyList<TInput>, IReadOnlyList<TOutput>> _process;
    private readonly SentimentMetrics? _metrics;
    private readonly Queue<Item> _queue = new();
    private readonly Lock _gate = new();

    // Wakes the worker on enqueue and on close; at most one pending signal, released only under _gate.
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly Task _worker;
    private bool _closed;

    public MicroBatcher(MicroBatcherOptions options, Func<IReadOnlyList<TInput>, IReadOnlyList<TOutput>> process, SentimentMetrics? metrics = null)
    {
        _options = options;
        _process = process;
        _metrics = metrics;
        _worker = Task.Run(RunAsync);
    }

    public int QueueDepth
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
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

        if (inputs.Count > _options.MaxQueueLength)
        {
            throw new ArgumentException($"{inputs.Count} items exceed the queue length of {_options.MaxQueueLength}; split the request.", nameof(inputs));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var request = new Request(inputs.ToArray());
        request.CancelWith(cancellationToken);
        lock (_gate)
        {
            if (_closed || _queue.Count + inputs.Count > _options.MaxQueueLength)
            {
                request.Abandon();
                ObjectDisposedException.ThrowIf(_closed, this);
                _metrics?.Overloaded(inputs.Count);
                throw new ScorerOverloadedException(
                    $"The sentiment scorer is overloaded: {_queue.Count} texts are waiting (limit {_options.MaxQueueLength}); retry later.");
            }

            var now = Stopwatch.GetTimestamp();
            for (var index = 0; index < inputs.Count; index++)
            {
                _queue.Enqueue(new Item(request, index, now));
            }

            WakeWorker();
        }

        _metrics?.Accepted(inputs.Count);
        return request.Completion.Task;
    }

    private void WakeWorker()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    private async Task RunAsync()
    {
        var batch = new List<Item>(_options.MaxBatchSize);
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
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    if (_closed)
                    {
                        return false;
                    }

                    wait = Timeout.InfiniteTimeSpan;
                }
                else
                {
                    var waited = Stopwatch.GetElapsedTime(_queue.Peek().EnqueuedAt);
                    if (_queue.Count >= _options.MaxBatchSize || waited >= _options.MaxBatchDelay || _closed)
                    {
                        return true;
                    }

                    wait = _options.MaxBatchDelay - waited;
                }
            }

            await _signal.WaitAsync(wait).ConfigureAwait(false);
        }
    }

    private void TakeBatch(List<Item> batch)
    {
        lock (_gate)
        {
            while (batch.Count < _options.MaxBatchSize && _queue.TryDequeue(out var item))
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
            _metrics?.Waited(Stopwatch.GetElapsedTime(batch[i].EnqueuedAt, started));
        }

        _metrics?.BatchStarted(batch.Count);
        IReadOnlyList<TOutput> outputs;
        try
        {
            outputs = _process(inputs);
        }
        catch (Exception exception)
        {
            foreach (var item in batch)
            {
                item.Request.Fail(exception);
            }

            return;
        }

        _metrics?.Inferred(Stopwatch.GetElapsedTime(started));
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Request.Complete(batch[i].Index, outputs[i]);
        }
    }

    /// <summary>Stops taking requests, finishes the queued ones, then stops the worker.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            WakeWorker();
        }

        await _worker.ConfigureAwait(false);
        _signal.Dispose();
    }

    private readonly record struct Item(Request Request, int Index, long EnqueuedAt);

    private sealed class Request(TInput[] inputs)
    {
        private readonly TOutput[] _outputs = new TOutput[inputs.Length];
        private int _remaining = inputs.Length;
        private CancellationTokenRegistration _cancellation;

        public TInput[] Inputs { get; } = inputs;

        // Continuations run off the batch worker, so a slow caller cannot stall the next batch.
        public TaskCompletionSource<TOutput[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void CancelWith(CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _cancellation = cancellationToken.Register(() => Completion.TrySetCanceled(cancellationToken));
            }
        }

        public void Complete(int index, TOutput output)
        {
            _outputs[index] = output;
            if (Interlocked.Decrement(ref _remaining) == 0)
            {
                Completion.TrySetResult(_outputs);
                _cancellation.Dispose();
            }
        }

        public void Abandon() => _cancellation.Dispose();

        public void Fail(Exception exception)
        {
            Completion.TrySetException(exception);
            _cancellation.Dispose();
        }
    }
}

public sealed record MicroBatcherOptions(int MaxBatchSize, TimeSpan MaxBatchDelay, int MaxQueueLength);
