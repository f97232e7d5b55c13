using StreamingMarketing.Gateway.Hosting;
using StreamingMarketing.Grains.Storage;

namespace StreamingMarketing.Silo.Hosting;

/// <summary>On a clean stop, after the streams drained, writes every grain state still unsaved: a clean stop loses nothing.</summary>
public sealed class UnsavedStateDrain(UnsavedGrains unsaved, ILogger<UnsavedStateDrain> logger) : IShutdownDrain
{
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var count = unsaved.Count;
        await unsaved.FlushAllAsync();
        logger.LogInformation("Flushed the unsaved state of {Count} grains", count);
    }
}
