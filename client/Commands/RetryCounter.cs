namespace StreamingMarketing.Client.Commands;

/// <summary>How many event batches were sent again, for the commands' summaries.</summary>
internal sealed class RetryCounter
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Add() => Interlocked.Increment(ref count);
}
