using System.Collections.Concurrent;
using StreamingMarketing.Grains.DeadLetters;

namespace StreamingMarketing.Tests.Cluster;

/// <summary>Keeps the cluster's dead letters in memory, where a test can read them (the sinks themselves write files and blobs).</summary>
public sealed class RecordingDeadLetterSink : IDeadLetterSink
{
    public ConcurrentQueue<DeadLetter> Letters { get; } = new();

    public Task WriteAsync(DeadLetter letter)
    {
        Letters.Enqueue(letter);
        return Task.CompletedTask;
    }

    public Task<int> EraseUserAsync(string userId) => Task.FromResult(0);

    public Task<int> PurgeBeforeAsync(DateTime cutoff) => Task.FromResult(0);
}
