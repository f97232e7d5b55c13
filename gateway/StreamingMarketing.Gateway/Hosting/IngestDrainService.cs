using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StreamingMarketing.Gateway.Ingest;

namespace StreamingMarketing.Gateway.Hosting;

/// <summary>
/// On a clean stop, closes ingest and waits for requests already publishing before the Orleans host stops. It must be
/// registered after Orleans: hosted services stop in reverse order, so this one stops first.
/// </summary>
public sealed class IngestDrainService(IngestGate gate, IEnumerable<IShutdownDrain> drains, ILogger<IngestDrainService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Stopping: closing ingest and draining in-flight events");
        await gate.CloseAndDrainAsync(TimeSpan.FromSeconds(10));
        foreach (var drain in drains)
        {
            await drain.DrainAsync(cancellationToken);
        }
    }
}

/// <summary>Something a host must let finish after ingest closes and before Orleans stops (e.g. stream queues).</summary>
public interface IShutdownDrain
{
    Task DrainAsync(CancellationToken cancellationToken);
}
