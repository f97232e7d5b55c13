using Microsoft.Extensions.Logging;

namespace StreamingMarketing.Gateway.Ingest;

/// <summary>
/// Logs rejected input as a summary per reason at most once per interval: a misbehaving connector sending
/// thousands of bad events a second must not flood the log, yet ops must still hear about it.
/// </summary>
public sealed class RejectionLog(ILogger<RejectionLog> logger)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly Dictionary<string, (long Count, string Example)> pending = [];
    private DateTime nextFlush = DateTime.UtcNow + Interval;

    public void Record(string reason, string example)
    {
        lock (pending)
        {
            pending[reason] = pending.TryGetValue(reason, out var entry) ? (entry.Count + 1, entry.Example) : (1, example);
            if (DateTime.UtcNow < nextFlush)
            {
                return;
            }

            foreach (var (key, (count, sample)) in pending)
            {
                logger.LogWarning("Rejected {Count} events for {Reason} in the last {Seconds:0}s, e.g. {Example}", count, key, Interval.TotalSeconds, sample);
            }

            pending.Clear();
            nextFlush = DateTime.UtcNow + Interval;
        }
    }
}
