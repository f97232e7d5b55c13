namespace StreamingMarketing.Sentiment.Tests;

public sealed class BackPressureTests
{
    [Fact]
    public async Task Full_queue_rejects_new_requests_with_overloaded_exception_and_does_not_grow()
    {
        using var gate = new ManualResetEventSlim(false);
        await using var batcher = new MicroBatcher<int, int>(
            new MicroBatcherOptions(MaxBatchSize: 2, MaxBatchDelay: TimeSpan.Zero, MaxQueueLength: 8),
            batch => { gate.Wait(); return batch.ToArray(); });
        var first = batcher.ProcessAsync([0, 1]);
        await WaitUntil(() => batcher.QueueDepth == 0); // the worker holds the first batch, blocked
        var queued = Enumerable.Range(0, 4).Select(i => batcher.ProcessAsync([i, i])).ToList();

        Assert.Equal(8, batcher.QueueDepth);
        await Assert.ThrowsAsync<ScorerOverloadedException>(() => batcher.ProcessAsync([99]));
        Assert.Equal(8, batcher.QueueDepth);

        gate.Set();
        Assert.Equal(new[] { 0, 1 }, await first);
        Assert.All(await Task.WhenAll(queued), result => Assert.Equal(2, result.Length));
    }

    [Fact]
    public async Task A_request_that_does_not_fit_whole_is_rejected_without_queueing_part_of_it()
    {
        using var gate = new ManualResetEventSlim(false);
        await using var batcher = new MicroBatcher<int, int>(
            new MicroBatcherOptions(MaxBatchSize: 4, MaxBatchDelay: TimeSpan.Zero, MaxQueueLength: 8),
            batch => { gate.Wait(); return batch.ToArray(); });
        var blocked = batcher.ProcessAsync([0]);
        await WaitUntil(() => batcher.QueueDepth == 0);
        var queued = batcher.ProcessAsync([1, 2, 3, 4, 5]);

        await Assert.ThrowsAsync<ScorerOverloadedException>(() => batcher.ProcessAsync([6, 7, 8, 9]));
        Assert.Equal(5, batcher.QueueDepth);

        gate.Set();
        await blocked;
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, await queued);
    }

    [Fact]
    public async Task Batch_runs_when_it_reaches_max_size_without_waiting_for_the_delay()
    {
        var sizes = new List<int>();
        await using var batcher = new MicroBatcher<int, int>(
            new MicroBatcherOptions(MaxBatchSize: 4, MaxBatchDelay: TimeSpan.FromHours(1), MaxQueueLength: 64),
            batch => { lock (sizes) { sizes.Add(batch.Count); } return batch.ToArray(); });

        var result = await batcher.ProcessAsync([1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], result);
        Assert.Equal([4, 4], sizes);
    }

    [Fact]
    public async Task A_caller_that_blocks_after_its_answer_does_not_stall_the_next_batch()
    {
        await using var batcher = new MicroBatcher<int, int>(
            new MicroBatcherOptions(MaxBatchSize: 1, MaxBatchDelay: TimeSpan.Zero, MaxQueueLength: 8),
            batch => batch.ToArray());

        // The continuation runs on whichever thread completes the first request and blocks it until the second
        // request, a later batch, is answered: were answers delivered on the batch worker, that batch could never run.
        var first = batcher.ProcessAsync([1]).ContinueWith(_ =>
        {
            var second = batcher.ProcessAsync([2]);
            return second.Wait(TimeSpan.FromSeconds(30)) ? second.Result : null;
        }, TaskContinuationOptions.ExecuteSynchronously);

        Assert.Equal(new[] { 2 }, await first);
    }

    [Fact]
    public async Task A_failing_batch_fails_every_request_it_holds_and_only_those()
    {
        using var gate = new ManualResetEventSlim(false);
        await using var batcher = new MicroBatcher<int, int>(
            new MicroBatcherOptions(MaxBatchSize: 4, MaxBatchDelay: TimeSpan.Zero, MaxQueueLength: 16),
            batch =>
            {
                gate.Wait();
                return batch.Contains(-1) ? throw new InvalidOperationException("bad input") : batch.ToArray();
            });
        var blocker = batcher.ProcessAsync([0]);
        await WaitUntil(() => batcher.QueueDepth == 0);
        var bad = batcher.ProcessAsync([1, -1]);
        var sameBatch = batcher.ProcessAsync([2, 3]);
        var nextBatch = batcher.ProcessAsync([4]);

        gate.Set();

        Assert.Equal(new[] { 0 }, await blocker);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        await Assert.ThrowsAsync<InvalidOperationException>(() => sameBatch);
        Assert.Equal(new[] { 4 }, await nextBatch);
    }

    [Fact]
    public async Task A_failing_batch_fails_only_its_requests()
    {
        await using var batcher = new MicroBatcher<int, int>(
            new MicroBatcherOptions(MaxBatchSize: 1, MaxBatchDelay: TimeSpan.Zero, MaxQueueLength: 8),
            batch => batch[0] < 0 ? throw new InvalidOperationException("bad input") : batch.ToArray());

        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.ProcessAsync([-1]));
        Assert.Equal(new[] { 5 }, await batcher.ProcessAsync([5]));
    }

    [Fact]
    public async Task Scorer_under_a_flood_rejects_with_overloaded_and_answers_every_accepted_request()
    {
        await using var scorer = Scorers.CreateServing(new SentimentOptions { Device = ExecutionDevice.Cpu, MaxBatchSize = 8, MaxQueueLength = 32 });
        var texts = SampleTexts.Tweets.Take(8).ToArray();
        var maxDepth = 0;

        var calls = Enumerable.Range(0, 40).Select(async _ =>
        {
            try
            {
                var task = scorer.ScoreAsync(texts);
                maxDepth = Math.Max(maxDepth, scorer.QueueDepth);
                return (await task).Count == texts.Length ? "ok" : "short";
            }
            catch (ScorerOverloadedException)
            {
                return "overloaded";
            }
        }).ToList();
        var outcomes = await Task.WhenAll(calls);

        Assert.Contains("overloaded", outcomes);
        Assert.Contains("ok", outcomes);
        Assert.DoesNotContain("short", outcomes);
        Assert.True(maxDepth <= 32, $"queue reached {maxDepth}");
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
