using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StreamingMarketing.Grains.Storage;

/// <summary>Asks grains whose unsaved state is due to write it (a grain call, so the write runs as the grain's own turn).</summary>
public sealed class UnsavedStateFlusher(UnsavedGrains unsaved, ILogger<UnsavedStateFlusher> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(200);

    /// <summary>Writes in flight at once; SQLite commits them in shared transactions, Azure takes them in parallel.</summary>
    private const int MaxConcurrentFlushes = 256;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var due = unsaved.TakeDue(MaxConcurrentFlushes);
            while (due.Count > 0)
            {
                await Task.WhenAll(due.Select(FlushAsync));
                due = unsaved.TakeDue(MaxConcurrentFlushes);
            }
        }
    }

    private async Task FlushAsync(Contracts.Grains.IFlushableGrain grain)
    {
        try
        {
            await grain.FlushAsync();
        }
        catch (Exception exception)
        {
            // The grain re-registers itself as unsaved when its write fails, so the next tick tries again.
            logger.LogWarning("Grain state flush failed: {Message}", exception.Message);
        }
    }
}
